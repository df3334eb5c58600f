package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.invalid;
import static nl.lpz.capacity.web.CapacityProblems.required;
import static nl.lpz.capacity.web.CapacityProblems.requiredText;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.lpz.capacity.command.SetThresholds;
import nl.lpz.capacity.command.SetVisibility;
import nl.lpz.capacity.command.UpdateContacts;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.Contact;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Settings a hospital keeps for its own locations and organisation; each records who changed it. */
@RestController
class SettingsController {
    static final int MAX_THRESHOLDS = 100;
    /** Far above any location's beds of one element; a larger figure is a sender's error. */
    static final int MAX_THRESHOLD_BEDS = 10_000;
    static final int MAX_CODE = BedEventsController.MAX_CODE;
    static final int MAX_CONTACTS = 20;
    static final int MAX_CONTACT_NAME = 200;
    /** E.164 allows 15 digits; this leaves room for spaces, a plus, brackets and an extension. */
    static final int MAX_PHONE = 40;

    private final CommandSender commands;
    private final LocationDirectory directory;
    private final Clock clock;

    SettingsController(CommandSender commands, LocationDirectory directory, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    record ThresholdBody(String specialistisch, Integer beds) {
    }

    record ThresholdsRequest(List<ThresholdBody> thresholds) {
    }

    record ThresholdsAnswer(String locationId, List<Threshold> thresholds, boolean changed) {
    }

    record VisibilityRequest(Boolean shared, Boolean releaseHistory) {
    }

    record VisibilityAnswer(String organisationId, boolean shared, boolean releaseHistory, boolean changed) {
    }

    record ContactBody(String name, String phone) {
    }

    record ContactsRequest(List<ContactBody> regiehouderSeh, List<ContactBody> beddencoordinator) {
    }

    record ContactsAnswer(String locationId, List<Contact> regiehouderSeh, List<Contact> beddencoordinator,
                          boolean changed) {
    }

    @PutMapping(path = "/api/v1/locations/{locationId}/thresholds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ThresholdsAnswer thresholds(@PathVariable String locationId, @RequestBody ThresholdsRequest request,
                                Caller caller) {
        caller.requireAny(Role.HOSPITAL);
        id(locationId, "locationId");
        List<ThresholdBody> bodies = required(request.thresholds(), "thresholds");
        if (bodies.size() > MAX_THRESHOLDS) {
            throw invalid("thresholds must hold at most " + MAX_THRESHOLDS + " entries, not " + bodies.size());
        }
        List<Threshold> thresholds = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String field = "thresholds[" + i + "]";
            ThresholdBody body = required(bodies.get(i), field);
            String element = requiredText(body.specialistisch(), field + ".specialistisch", MAX_CODE);
            int beds = required(body.beds(), field + ".beds");
            if (beds < 0 || beds > MAX_THRESHOLD_BEDS) {
                throw invalid(field + ".beds must be 0 to " + MAX_THRESHOLD_BEDS + ", not " + beds);
            }
            thresholds.add(new Threshold(element, beds));
        }
        requireOwner(locationId, caller);
        boolean changed = commands.send(new SetThresholds(LocationId.of(locationId), thresholds, clock.instant(),
                actor(caller)), locationId);
        return new ThresholdsAnswer(locationId, thresholds, changed);
    }

    @PutMapping(path = "/api/v1/organisations/{organisationId}/visibility",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    VisibilityAnswer visibility(@PathVariable String organisationId, @RequestBody VisibilityRequest request,
                                Caller caller) {
        caller.requireAny(Role.HOSPITAL);
        id(organisationId, "organisationId");
        boolean shared = required(request.shared(), "shared");
        boolean releaseHistory = request.releaseHistory() != null && request.releaseHistory();
        caller.requireOrganisation(organisationId);
        if (!directory.hasLocations(organisationId)) {
            throw new ApiException(HttpStatus.NOT_FOUND, CapacityProblems.UNKNOWN_ORGANISATION,
                    "organisation " + organisationId + " has no registered locations");
        }
        boolean changed = commands.send(new SetVisibility(OrganisationId.of(organisationId), shared, releaseHistory,
                clock.instant(), actor(caller)), organisationId);
        return new VisibilityAnswer(organisationId, shared, releaseHistory, changed);
    }

    @PutMapping(path = "/api/v1/locations/{locationId}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContactsAnswer contacts(@PathVariable String locationId, @RequestBody ContactsRequest request, Caller caller) {
        caller.requireAny(Role.HOSPITAL);
        id(locationId, "locationId");
        List<Contact> regiehouderSeh = contacts(required(request.regiehouderSeh(), "regiehouderSeh"),
                "regiehouderSeh");
        List<Contact> beddencoordinator = contacts(required(request.beddencoordinator(), "beddencoordinator"),
                "beddencoordinator");
        requireOwner(locationId, caller);
        boolean changed = commands.send(new UpdateContacts(LocationId.of(locationId), regiehouderSeh,
                beddencoordinator, clock.instant(), actor(caller)), locationId);
        return new ContactsAnswer(locationId, regiehouderSeh, beddencoordinator, changed);
    }

    private static List<Contact> contacts(List<ContactBody> bodies, String field) {
        if (bodies.size() > MAX_CONTACTS) {
            throw invalid(field + " must hold at most " + MAX_CONTACTS + " contacts, not " + bodies.size());
        }
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String f = field + "[" + i + "]";
            ContactBody body = required(bodies.get(i), f);
            contacts.add(new Contact(requiredText(body.name(), f + ".name", MAX_CONTACT_NAME).strip(),
                    requiredText(body.phone(), f + ".phone", MAX_PHONE).strip()));
        }
        return contacts;
    }

    private void requireOwner(String locationId, Caller caller) {
        String owner = directory.owners(List.of(locationId)).get(locationId);
        if (owner == null) {
            throw CapacityProblems.unknownLocation(locationId);
        }
        caller.requireOrganisation(owner);
    }

    private static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.organisation());
    }
}
