<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>OAuth 1.0a Consumer sample</title>
    <link rel="stylesheet" href="style.css">
</head>
<body>
<h1>OAuth 1.0a Consumer sample</h1>
<p>This application consumes an OAuth 1.0a service provider it calls <code>demo</code>: by default the demo
provider deployed beside it, <a id="provider" href="<c:out value='${home.providerUrl}'/>"><c:out value="${home.providerUrl}"/></a>.
Environment variables point it at any other provider (see <code>docs/providers.md</code>).</p>

<ul>
    <li><a id="protected" href="api/protected">Your account at the provider</a> (3-legged).
        The page needs your access token (<code>@RequireAccessToken("demo")</code>). The first time, the library
        sends you through the flow: this sample's page before the provider, the provider's approval page, this
        sample's page after success, then back here. The page calls the provider's protected resource with
        <code>@OAuthConsumer("demo") SignedClient</code> and shows its answer.</li>
    <li><a id="two-legged" href="api/status">A 2-legged call</a>, through a MicroProfile Rest Client interface
        annotated <code>@OAuthConsumer("demo")</code>: signed with the consumer key and secret, no user, no token.</li>
    <li>A small LTI 1.1 tool, the other direction: the demo provider signs a launch form as a learning platform
        does and your browser posts it to this sample's <code>api/lti</code>. The library accepts only launches
        signed by the <code>demo</code> consumer and logs their user in through Jakarta Security
        (<code>@SignedLaunchAuthenticationMechanismDefinition</code>), with the roles of the launch.
        <a id="lti" href="<c:out value='${home.ltiLaunchUrl}'/>">Launch as the learner alice</a> or
        <a id="lti-instructor" href="<c:out value='${home.ltiInstructorLaunchUrl}'/>">as the instructor bob</a>,
        then see <a id="tool" href="api/tool">the tool's page</a> and
        <a id="instructor-page" href="lti/instructor">the page only instructors may see</a>.
        <c:if test="${not empty home.ltiCaller}">You are logged in as
            <code id="lti-caller"><c:out value="${home.ltiCaller}"/></code>.</c:if></li>
    <li><a id="lti-servlet" href="<c:out value='${home.servletLaunchUrl}'/>">The same launch to a plain servlet</a>
        (<code>servlet/launch</code>), which checks the signature itself with <code>SignatureValidation</code>.</li>
</ul>

<h2>Your access token</h2>
<p>You are user <code id="user-id"><c:out value="${home.userId}"/></code> (a random id in the
<code>sample-user</code> cookie; a real application uses its login). Access tokens are kept in a database table,
per user, so they outlive the HTTP session.</p>
<c:choose>
    <c:when test="${not empty home.token}">
        <p id="connection">Stored token <code><c:out value="${home.token}"/></code>,
            expires <c:out value="${empty home.tokenExpiresAt ? 'never' : home.tokenExpiresAt}"/>.</p>
        <form method="post" action="api/connection/disconnect">
            <button type="submit" id="disconnect">Forget the token</button>
        </form>
    </c:when>
    <c:otherwise>
        <p id="connection">No access token yet.</p>
    </c:otherwise>
</c:choose>
</body>
</html>
