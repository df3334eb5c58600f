package nl.lpz.reporting.stops;

import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.StopReaders;
import nl.lpz.reporting.readmodel.StreamAudience;
import org.springframework.stereotype.Component;

/**
 * Which subscribers of a region's stream are told a {@code stop} change: those who may read the stops of its
 * veiligheidsregio in the stop view ({@link StopReaders}), so that the stream shows no stop its reader could not see
 * there (an MKA of one VR is not told the stops of the other VRs of its ROAZ region).
 */
@Component
class StopStreamAudience implements StreamAudience {
    private final StopReaders readers;

    StopStreamAudience(StopReaders readers) {
        this.readers = readers;
    }

    @Override
    public String kind() {
        return StopChanges.CHANGE_KIND_STOP;
    }

    /** The change's veiligheidsregio. */
    @Override
    public Object subject(String payload) {
        return StreamAudience.textField(payload, "safetyRegionId");
    }

    @Override
    public Teller forCaller(Caller caller, String roazRegionId) {
        // a row this version cannot read is told to nobody rather than to everybody
        return (subject, organisationId) -> subject instanceof String vr && readers.mayRead(caller, vr);
    }
}
