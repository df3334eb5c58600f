package nl.lpz.devtools;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.lpz.events.EventHeaders;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.BedChangeSource;
import nl.lpz.events.capacity.BedLabels;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.SnijdendBeschouwend;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The raw ceilings the benchmark reports beside its end-to-end figures, measured on the same machine in the same
 * run: Kafka producer {@code acks=all} records/s with the record capacity-service publishes per bed event, and
 * PostgreSQL single-row autocommit commits/s with one and four connections (docs/benchmarks.md).
 */
final class RawCeilings {
    private static final String RAW_TOPIC = "lpz.bench.raw";

    private final Args args;

    RawCeilings(Args args) {
        this.args = args;
    }

    /** A sample of what capacity-service publishes per bed event: same value, key and headers. */
    static ProducerRecord<byte[], byte[]> sampleRecord(String topic) {
        BedStatusChanged event = new BedStatusChanged(new LocationId("100101"), new OrganisationId("100101"),
                new DepartmentId("BENCH"), new BedId("BENCH-001"), BedStatus.OCCUPIED,
                new BedLabels("KLINIEK_VOLWASSENEN", "INTERNE_GENEESKUNDE", SnijdendBeschouwend.BESCHOUWEND, false),
                PatientCovidStatus.NON_COVID,
                Instant.now(), false, BedChangeSource.EPD_EVENT, UUID.randomUUID(), "1");
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, "100101".getBytes(StandardCharsets.UTF_8),
                EventJson.toBytes(event));
        record.headers().add(EventHeaders.EVENT_TYPE, "BedStatusChanged".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_REVISION, "1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.AGGREGATE_SEQUENCE, "12345".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.RECORDED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    String kafka(int seconds) {
        String bootstrap = args.get("kafka", "127.0.0.1:19092");
        Bench.log("raw Kafka: producer acks=all, idempotent, to " + RAW_TOPIC + " for " + seconds + " s ...");
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(RAW_TOPIC)) {
                admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 4, (short) 1)
                        .configs(Map.of("retention.ms", "600000")))).all().get(30, TimeUnit.SECONDS);
            }
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            ProducerRecord<byte[], byte[]> sample = sampleRecord(RAW_TOPIC);
            int size = sample.value().length + sample.key().length;
            long maxRecords = Long.parseLong(args.get("raw-max-records", "2000000"));
            AtomicLong acked = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            long sent = 0;
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
                while (System.nanoTime() < end && sent < maxRecords) {
                    producer.send(new ProducerRecord<>(RAW_TOPIC, null, sample.key(), sample.value(), sample.headers()),
                            (md, e) -> (e == null ? acked : errors).incrementAndGet());
                    sent++;
                }
                producer.flush();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            admin.deleteTopics(List.of(RAW_TOPIC)).all().get(30, TimeUnit.SECONDS);
            String s = "%,.0f records/s (%,d acked in %.1f s, %d errors; record %d B + 5 headers)"
                    .formatted(acked.get() / elapsed, acked.get(), elapsed, errors.get(), size);
            Bench.log("raw Kafka: " + s);
            return s;
        } catch (Exception e) {
            return "failed: " + e;
        }
    }

    String postgres(int seconds) {
        String scratch = "lpz_bench_scratch";
        try (Connection admin = DriverManager.getConnection(pgUrl("postgres"), args.get("pg-user", "lpz"),
                args.get("pg-password", "lpz"));
             Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + scratch + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + scratch);
                }
            }
        } catch (SQLException e) {
            return "failed: " + e.getMessage();
        }
        StringBuilder out = new StringBuilder();
        for (int connections : new int[] {1, 4}) {
            Bench.log("raw PostgreSQL: single-row INSERT, autocommit, %d connection(s), %d s ..."
                    .formatted(connections, seconds));
            try (Connection c = DriverManager.getConnection(pgUrl(scratch), args.get("pg-user", "lpz"),
                    args.get("pg-password", "lpz")); Statement st = c.createStatement()) {
                st.execute("create table if not exists bench_commit (id bigserial primary key, payload text not null, "
                        + "at timestamptz not null default clock_timestamp())");
                st.execute("truncate bench_commit");
            } catch (SQLException e) {
                return "failed: " + e.getMessage();
            }
            AtomicLong commits = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            String payload = new String(sampleRecord("x").value(), StandardCharsets.UTF_8);
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                futures.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(pgUrl(scratch), args.get("pg-user", "lpz"),
                            args.get("pg-password", "lpz"));
                         PreparedStatement ps = c.prepareStatement("insert into bench_commit (payload) values (?)")) {
                        c.setAutoCommit(true);
                        ps.setString(1, payload);
                        while (System.nanoTime() < end) {
                            ps.executeUpdate();
                            commits.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (Exception e) {
                return "failed: " + e;
            } finally {
                pool.shutdown();
            }
            double rate = commits.get() / ((System.nanoTime() - start) / 1e9);
            Bench.log("raw PostgreSQL: %,.0f commits/s with %d connection(s)".formatted(rate, connections));
            out.append(out.length() == 0 ? "" : ", ").append("%,.0f commits/s (%d conn)".formatted(rate, connections));
        }
        try (Connection c = DriverManager.getConnection(pgUrl(scratch), args.get("pg-user", "lpz"),
                args.get("pg-password", "lpz")); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_commit");
        } catch (SQLException e) {
            // scratch only
        }
        return out.toString();
    }

    private String pgUrl(String database) {
        return args.get("pg-url", "jdbc:postgresql://127.0.0.1:5432").replaceAll("/+$", "") + "/" + database;
    }
}
