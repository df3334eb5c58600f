package nl.lpz.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Problems;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the HTTP server refuses before Spring sees them (a request line or header it cannot decode, a chunk size
 * that is no number, conflicting Content-Lengths, a request target that is no URI) get reactor-netty's bare answer:
 * a status and an empty body. This handler, right behind the HTTP codec, gives such an answer the problem body of its
 * status, so that these too are {@code application/problem+json} with a code (issue 14's hostile input).
 */
@Configuration(proxyBeanMethods = false)
class DecodingFailureProblems {

    @Bean
    NettyServerCustomizer lpzDecodingFailureProblems(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get("lpz.problemAnswers") == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "lpz.problemAnswers", new BareErrorsAsProblems(json));
            }
        });
    }

    /** Replaces an error answer without a body and without a Content-Type by the problem of its status. */
    @ChannelHandler.Sharable
    static final class BareErrorsAsProblems extends ChannelOutboundHandlerAdapter {
        private final JsonMapper json;

        BareErrorsAsProblems(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse r && r.status().code() >= 400 && r.content().readableBytes() == 0
                    && !r.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                int status = r.status().code();
                ProblemDetail problem = Problems.of(status, ProblemCodes.ofStatus(status), r.status().reasonPhrase());
                byte[] body = json.writeValueAsBytes(problem);
                FullHttpResponse answer = new DefaultFullHttpResponse(r.protocolVersion(), r.status(),
                        Unpooled.wrappedBuffer(body));
                answer.headers().set(r.headers());
                answer.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                answer.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                r.release();
                ctx.write(answer, promise);
                return;
            }
            ctx.write(msg, promise);
        }
    }
}
