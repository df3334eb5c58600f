package nl.lpz.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An RFC 9457 problem as the platform writes it: {@code type}, {@code title}, {@code status}, {@code detail}, {@code code}. */
public record Problem(int status, String code, String detail) {

    public static Problem of(HttpStatus status, String code, String detail) {
        return new Problem(status.value(), code, detail);
    }

    public Map<String, Object> body() {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemCodes.typeOf(code));
        body.put("title", known != null ? known.getReasonPhrase() : "Error");
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        return body;
    }
}
