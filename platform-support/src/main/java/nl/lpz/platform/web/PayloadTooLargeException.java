package nl.lpz.platform.web;

/** A request body over the contract's limit of 1 MiB. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("the request body exceeds " + limit + " bytes");
    }
}
