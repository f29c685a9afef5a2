package io.github.oauthconsumer.it.login;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** A page only instructors may see: a security constraint the container enforces. */
@WebServlet("/instructor")
@ServletSecurity(@HttpConstraint(rolesAllowed = "Instructor"))
public class InstructorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("instructor page for " + request.getUserPrincipal().getName() + "\n");
    }
}
