package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.invalid;
import static nl.lpz.capacity.web.CapacityProblems.required;
import static nl.lpz.capacity.web.CapacityProblems.requiredText;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nl.lpz.capacity.command.SetCareProfile;
import nl.lpz.capacity.command.SetOpeningHours;
import nl.lpz.capacity.command.SetThresholds;
import nl.lpz.capacity.command.SetVisibility;
import nl.lpz.capacity.command.UpdateContacts;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.capacity.query.LocationView;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.events.capacity.Contact;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.capacity.WeeklyHours;
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

    /** Four periods a day is more than any ED keeps; more is a sender's error. */
    static final int MAX_OPENING_PERIODS = 28;
    private static final Pattern CLOCK = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]|24:00");

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

    record PeriodBody(String day, String opens, String closes) {
    }

    record OpeningHoursRequest(List<PeriodBody> periods) {
    }

    record OpeningHoursAnswer(String locationId, CareKind careKind, boolean aroundTheClock,
                              List<LocationView.Period> periods, boolean changed) {
    }

    @Operation(summary = "When a care kind of the location is open (an ED that is not 24/7), from HOSPITAL",
            description = "Replaces the kind's hours: periods [{day: MONDAY..SUNDAY, opens: HH:mm, closes: HH:mm}] in "
                    + "Dutch wall-clock time (Europe/Amsterdam); closes 00:00 or 24:00 is midnight at the end of the "
                    + "day, a period across midnight is two periods; no periods: open around the clock (every kind "
                    + "is until its hours are set). 200 {locationId, careKind, aroundTheClock, periods, changed}. 400 "
                    + "INVALID_FIELD/INVALID_ID, OVERLAPPING_OPENING_HOURS, CARE_NOT_OFFERED (the location does not "
                    + "offer the kind); 404 UNKNOWN_LOCATION; 403 FORBIDDEN_ROLE/FORBIDDEN_ORGANISATION. The regional "
                    + "module picture shows a unit whose availability follows these hours as CLOSED outside them.")
    @PutMapping(path = "/api/v1/locations/{locationId}/opening-hours/{careKind}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    OpeningHoursAnswer openingHours(@PathVariable String locationId, @PathVariable String careKind,
                                    @RequestBody OpeningHoursRequest request, @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.HOSPITAL);
        id(locationId, "locationId");
        CareKind kind = CapacityProblems.enumValue(CareKind.class, careKind, "careKind");
        List<PeriodBody> bodies = required(request.periods(), "periods");
        if (bodies.size() > MAX_OPENING_PERIODS) {
            throw invalid("periods must hold at most " + MAX_OPENING_PERIODS + " periods, not " + bodies.size());
        }
        List<OpeningPeriod> periods = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String field = "periods[" + i + "]";
            PeriodBody body = required(bodies.get(i), field);
            DayOfWeek day = CapacityProblems.enumValue(DayOfWeek.class, body.day(), field + ".day");
            LocalTime opens = clock(body.opens(), field + ".opens");
            LocalTime closes = clock(body.closes(), field + ".closes");
            if (opens.equals(LocalTime.MIDNIGHT) && "24:00".equals(body.opens())) {
                throw invalid(field + ".opens must be before 24:00");
            }
            if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
                throw invalid(field + " closes at " + body.closes() + ", not after it opens at " + body.opens()
                        + "; a period across midnight is two periods (until 00:00, and from 00:00 the next day)");
            }
            periods.add(new OpeningPeriod(day, opens, closes));
        }
        requireOwner(locationId, caller);
        boolean changed = commands.send(new SetOpeningHours(LocationId.of(locationId), kind, periods,
                clock.instant(), actor(caller)), locationId);
        return new OpeningHoursAnswer(locationId, kind, new WeeklyHours(periods).aroundTheClock(),
                periods.stream().map(LocationView.Period::of).toList(), changed);
    }

    record CareProfileRequest(Integer traumaLevel, Boolean strokeIat, Integer nicuLevel, Boolean picu,
                              Integer obstetricsLevel) {
    }

    record CareProfileAnswer(String locationId, CareProfile careProfile, boolean changed) {
    }

    @Operation(summary = "The care profile of a location (the Kliniek profile page), from HOSPITAL or ADMIN",
            description = "Replaces the profile: traumaLevel 1-3 (needs SEH offered), strokeIat, nicuLevel 1-3 (3 = "
                    + "NICU), picu, obstetricsLevel 1-3 (needs VERLOSKUNDE offered); a level left out or null: none, a "
                    + "flag left out: false. 200 {locationId, careProfile, changed}. 400 INVALID_FIELD/INVALID_ID, "
                    + "CARE_NOT_OFFERED; 404 UNKNOWN_LOCATION; 403 FORBIDDEN_ROLE/FORBIDDEN_ORGANISATION. Read back in "
                    + "GET /api/v1/locations/{id} and on the profile page GET /api/v1/locations/{id}/profile.")
    @PutMapping(path = "/api/v1/locations/{locationId}/care-profile", consumes = MediaType.APPLICATION_JSON_VALUE)
    CareProfileAnswer careProfile(@PathVariable String locationId, @RequestBody CareProfileRequest request,
                                  @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.HOSPITAL, Role.ADMIN);
        id(locationId, "locationId");
        CareProfile profile = new CareProfile(level(request.traumaLevel(), "traumaLevel"),
                Boolean.TRUE.equals(request.strokeIat()), level(request.nicuLevel(), "nicuLevel"),
                Boolean.TRUE.equals(request.picu()), level(request.obstetricsLevel(), "obstetricsLevel"));
        // ADMIN registers locations and so may describe them too; a hospital only its own
        String owner = owner(locationId);
        if (!caller.has(Role.ADMIN)) {
            caller.requireOrganisation(owner);
        }
        boolean changed = commands.send(new SetCareProfile(LocationId.of(locationId), profile, clock.instant(),
                actor(caller)), locationId);
        return new CareProfileAnswer(locationId, profile, changed);
    }

    private static Integer level(Integer level, String field) {
        if (level != null && (level < CareProfile.MIN_LEVEL || level > CareProfile.MAX_LEVEL)) {
            throw invalid(field + " must be " + CareProfile.MIN_LEVEL + " to " + CareProfile.MAX_LEVEL
                    + " or null, not " + level);
        }
        return level;
    }

    private static LocalTime clock(String text, String field) {
        if (text == null || !CLOCK.matcher(text).matches()) {
            throw invalid(field + " must be a time HH:mm (00:00 to 24:00)");
        }
        return "24:00".equals(text) ? LocalTime.MIDNIGHT : LocalTime.parse(text);
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
        caller.requireOrganisation(owner(locationId));
    }

    private String owner(String locationId) {
        String owner = directory.owners(List.of(locationId)).get(locationId);
        if (owner == null) {
            throw CapacityProblems.unknownLocation(locationId);
        }
        return owner;
    }

    private static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.organisation());
    }
}
