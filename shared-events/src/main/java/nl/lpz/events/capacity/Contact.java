package nl.lpz.events.capacity;

/** A named person and phone number to call about a location. */
public record Contact(String name, String phone) {
}
