<%-- oauth1.demo.page.verifier: shown by the flow instead of the redirect when the provider shows a code
     (OAUTH1_DEMO_CALLBACK_URL=oob), for the user to paste here --%>
<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Enter the code</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/style.css">
</head>
<body>
<h1>Enter the code</h1>
<p>To show <code><c:out value="${oauth1NextUrl}"/></code>, this sample needs to read your account at the
OAuth provider <strong><c:out value="${oauth1ConsumerName}"/></strong>. This provider does not send you back:
it shows you a code instead.</p>
<ol>
    <li><a id="open-provider" href="<c:out value='${oauth1AuthorizationUrl}'/>" target="_blank"
           rel="noopener noreferrer">Open the provider in a new tab</a> and approve there.</li>
    <li>Paste the code it shows you here:</li>
</ol>
<form id="code-form" method="post" action="<c:out value='${oauth1VerifierAction}'/>">
    <input type="hidden" name="csrf_token" value="<c:out value='${oauth1CsrfToken}'/>">
    <p><label for="code">Code</label>
        <input id="code" name="oauth_verifier" required autocomplete="off"></p>
    <p><button type="submit" id="submit-code" class="button">Continue</button>
        <a id="cancel" href="${pageContext.request.contextPath}/">Not now</a></p>
</form>
</body>
</html>
