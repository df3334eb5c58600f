package nl.lpz.platform.web;

import nl.lpz.contract.ProblemCodes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards every {@code /api/**} request before a controller sees it: a caller the gateway vouched for (else 401; the
 * caller is kept as the request attribute {@link #CALLER}), and a body of at most {@link #MAX_BODY_BYTES} (else 413),
 * whether or not the client declared its length.
 */
public class ApiRequestFilter extends OncePerRequestFilter {
    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /** Request attribute holding the identified {@link Caller}. */
    public static final String CALLER = Caller.class.getName();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CallerIdentification identification;

    public ApiRequestFilter(CallerIdentification identification) {
        this.identification = identification;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.setAttribute(CALLER, identification.identify(request));
        } catch (ApiException refused) {
            write(response, ProblemHandler.problem(refused.status(), refused.code(), refused.getMessage()));
            return;
        }
        String refusedType = refusedContentType(request.getContentType());
        if (refusedType != null) {
            write(response, ProblemHandler.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ProblemCodes.UNSUPPORTED_MEDIA_TYPE, refusedType));
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            write(response, ProblemHandler.problem(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE,
                    "the request body exceeds " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        chain.doFilter(new LimitedRequest(request), response);
    }

    /**
     * Why a Content-Type is refused before anything reads the body, or null. No endpoint of the API takes forms or
     * multipart, and reading them would make the container parse the body (a multipart without boundary, a form with
     * broken escapes failed as 500s); a type that does not parse, or a wildcard, names no representation at all.
     */
    static String refusedContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            return "the Content-Type is not a media type";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "the Content-Type names no concrete media type: " + type;
        }
        if (type.getType().equals("multipart") || MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            return "the API takes no " + type.getType() + "/" + type.getSubtype() + " bodies";
        }
        // JSON is UTF-8 (RFC 8259); a body declared in another charset would be decoded as a different text
        String charset = type.getParameter("charset");
        if (isJson(contentType) && charset != null && !isUtf8(charset)) {
            return "JSON is UTF-8 (RFC 8259), not " + charset;
        }
        return null;
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        // written by hand: a plain mapper would nest the extension members under "properties"
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** Counts what is read and refuses past the limit, for bodies sent without a Content-Length. */
    private static boolean isUtf8(String charset) {
        String name = charset.replace("\"", "").trim();
        return name.equalsIgnoreCase("utf-8") || name.equalsIgnoreCase("utf8");
    }

    /** A JSON body, or one that names no type (read as JSON by the endpoints that take a body). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                StrictUtf8 utf8 = isJson(getContentType()) ? new StrictUtf8() : null;
                limited = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > MAX_BODY_BYTES) {
                            throw new PayloadTooLargeException(MAX_BODY_BYTES);
                        }
                        if (utf8 != null) {
                            if (b >= 0) {
                                utf8.accept(b);
                            } else {
                                utf8.end();
                            }
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (count += n) > MAX_BODY_BYTES) {
                            throw new PayloadTooLargeException(MAX_BODY_BYTES);
                        }
                        if (utf8 != null) {
                            if (n > 0) {
                                utf8.accept(buf, off, n);
                            } else if (n < 0) {
                                utf8.end();
                            }
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
