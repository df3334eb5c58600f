package nl.lpz.reporting.capacity;

import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.RegionAccess;
import nl.lpz.reporting.readmodel.StreamAudience;
import org.springframework.stereotype.Component;

/**
 * Which subscribers are told a {@code capacity} change: the readers of the regional capacity picture. A RAV or HAP
 * user follows the stream for the Spoed module and the stops of its VR, and reads no bed figures.
 */
@Component
class CapacityStreamAudience implements StreamAudience {

    @Override
    public String kind() {
        return CapacityChanges.CHANGE_KIND_CAPACITY;
    }

    /** The decision is the caller's alone. */
    @Override
    public Object subject(String payload) {
        return null;
    }

    @Override
    public Teller forCaller(Caller caller, String roazRegionId) {
        boolean reads = RegionAccess.readsPictures(caller);
        return (subject, organisationId) -> reads;
    }
}
