package io.github.oauthconsumer.it.login;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** How many requests {@link LaunchServlet} answered: a refused launch must not be one of them. */
@WebServlet("/launches")
public class LaunchesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(Integer.toString(LaunchServlet.RUNS.get()));
    }
}
