package nl.lpz.events.capacity;

/** COVID status of the patient in an occupied bed; {@code COVID_DELABELLED}: admitted for COVID, no longer infectious. */
public enum PatientCovidStatus {
    COVID, COVID_DELABELLED, NON_COVID
}
