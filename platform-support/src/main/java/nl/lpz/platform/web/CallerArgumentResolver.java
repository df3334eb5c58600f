package nl.lpz.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take a {@link Caller} parameter: the one {@link ApiRequestFilter} identified, else
 * identified here (a 401 problem when there is none). Never read from the identity headers themselves.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {
    private final CallerIdentification identification;

    public CallerArgumentResolver(CallerIdentification identification) {
        this.identification = identification;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        if (servletRequest.getAttribute(ApiRequestFilter.CALLER) instanceof Caller caller) {
            return caller;
        }
        return identification.identify(servletRequest);
    }
}
