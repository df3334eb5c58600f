package nl.lpz.reporting.pipeline;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints, outside {@code /api} (the gateway does not route them; the service listens on loopback
 * locally and behind a NetworkPolicy in Kubernetes). docs/services/reporting-service.md, "Rebuild".
 */
@Hidden
@RestController
@RequestMapping("/internal/rebuild")
class RebuildController {
    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Empties the read model and replays the topics; answers once the replay has started. */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReadModelRebuild.Status start() {
        return rebuild.rebuild();
    }

    /** Progress: per partition the broker's end offset and the projected position; {@code caughtUp} when equal. */
    @GetMapping
    public ReadModelRebuild.Status status() {
        return rebuild.status();
    }
}
