package nl.lpz.platform.web;

import nl.lpz.contract.IdentityHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiRequestFilterTest {
    private final ApiRequestFilter filter = new ApiRequestFilter(new TrustedHeaders());

    @Test
    void givenNoIdentityHeader_whenAnApiPathIsCalled_then401ProblemWithATopLevelCode() throws Exception {
        MockHttpServletResponse response = run(new MockHttpServletRequest("GET", "/api/v1/anything"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode body = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(body.get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("type").asString()).isEqualTo("urn:lpz:problem:unauthenticated");
    }

    @Test
    void givenADeclaredBodyOver1Mib_then413Problem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/bed-events");
        request.addHeader(IdentityHeaders.SUBJECT, "epd");
        request.setContent(new byte[(int) ApiRequestFilter.MAX_BODY_BYTES + 1]);

        MockHttpServletResponse response = run(request);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void givenAnIdentifiedCallerAndASmallBody_thenTheRequestPasses() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/bed-events");
        request.addHeader(IdentityHeaders.SUBJECT, "epd");
        request.setContent("{}".getBytes());
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo("{}".getBytes());
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
