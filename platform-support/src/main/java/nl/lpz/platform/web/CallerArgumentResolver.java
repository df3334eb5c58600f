package nl.lpz.platform.web;

import nl.lpz.contract.IdentityHeaders;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method take a {@link Caller} parameter, read from the gateway's identity headers. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return Caller.fromHeaders(request.getHeader(IdentityHeaders.SUBJECT), request.getHeader(IdentityHeaders.ROLES),
                request.getHeader(IdentityHeaders.ORGANISATION), request.getHeader(IdentityHeaders.REGION));
    }
}
