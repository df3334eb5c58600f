package nl.lpz.contract;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The platform's RFC 9457 problem as Spring's {@link ProblemDetail}: {@code type} from the code, the status's reason
 * phrase as {@code title}, {@code status}, {@code detail} and the stable {@code code} as an extension member.
 */
public final class Problems {
    public static final String CODE = "code";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemCodes.typeOf(code)));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty(CODE, code);
        return problem;
    }

    public static ProblemDetail of(int status, String code, String detail) {
        return of(HttpStatusCode.valueOf(status), code, detail);
    }

    /** The stable code of a problem built here (null for another). */
    public static String codeOf(ProblemDetail problem) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get(CODE);
        return code == null ? null : code.toString();
    }
}
