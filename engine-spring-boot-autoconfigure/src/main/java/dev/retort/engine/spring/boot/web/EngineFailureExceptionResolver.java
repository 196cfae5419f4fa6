package dev.retort.engine.spring.boot.web;

import dev.retort.engine.exc.EngineException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Answers {@code 500} when an engine failure would be taken for the HTTP client going away. When the database
 * connection breaks, the driver's cause ({@code SocketException: Broken pipe}, {@code Connection reset}) ends the
 * cause chain of the engine exception; Spring's {@link DisconnectedClientHelper} recognises those phrases (it only
 * exempts {@code DataAccessException} and client exceptions, which engine exceptions outside {@code @Repository}
 * beans are not), and its {@code DefaultHandlerExceptionResolver} would then answer nothing, which the client sees
 * as an empty {@code 200}: a failed write reported as success. Placed just before that resolver, so the
 * application's own {@code @ExceptionHandler} methods still come first.
 */
public final class EngineFailureExceptionResolver implements HandlerExceptionResolver {

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception ex) {
        if (!causedByEngine(ex) || !DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            return null;
        }
        try {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        } catch (IOException | IllegalStateException e) {
            return null; // the response is already committed: leave it to the next resolver
        }
        return new ModelAndView();
    }

    private static boolean causedByEngine(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EngineException) {
                return true;
            }
        }
        return false;
    }
}
