package nl.lpz.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
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
 * <p>
 * Such an answer closes the connection while the client may still be sending: the rest of a header too long to
 * read, or the body behind it. Closing a socket with unread bytes makes the kernel send a reset instead of a FIN, and
 * a reset that arrives before the client has read the answer throws the answer away (the client sees "connection
 * reset" or "no bytes"). So the close lingers, as HTTP/1.1 servers do (RFC 9112 §9.6): the answer is sent and the
 * sending side shut, what still arrives is read and dropped, and the socket is closed when the client closes its side
 * or after {@link #LINGER_SECONDS} at most.
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

    static final long LINGER_SECONDS = 2;
    private static final AttributeKey<Boolean> LINGER = AttributeKey.valueOf("lpz.lingerOnClose");

    /**
     * Replaces an error answer without a body and without a Content-Type by the problem of its status, and lets the
     * close that follows an error answer with {@code Connection: close} linger.
     */
    @ChannelHandler.Sharable
    static final class BareErrorsAsProblems extends ChannelDuplexHandler {
        private final JsonMapper json;

        BareErrorsAsProblems(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse r && r.status().code() >= 400
                    && r.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
                ctx.channel().attr(LINGER).set(Boolean.TRUE);
            }
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

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
            if (!Boolean.TRUE.equals(ctx.channel().attr(LINGER).getAndSet(null))
                    || !(ctx.channel() instanceof DuplexChannel duplex) || !ctx.channel().isActive()) {
                ctx.close(promise);
                return;
            }
            // bytes still arriving are dropped before any decoder sees them; the client's FIN closes the channel
            ctx.pipeline().addFirst("lpz.drainBeforeClose", new DropInbound());
            ctx.channel().config().setAutoRead(true);
            duplex.shutdownOutput().addListener(shut -> {
                ctx.channel().read();
                ctx.executor().schedule(() -> ctx.close(promise), LINGER_SECONDS, TimeUnit.SECONDS);
            });
        }
    }

    /** Drops whatever a client still sends to a connection that has been answered and is about to close. */
    static final class DropInbound extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            // nothing to pass on
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
