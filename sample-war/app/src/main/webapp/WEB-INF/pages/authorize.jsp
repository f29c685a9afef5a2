<%-- oauth1.demo.page.authorize: shown by the flow before the user goes to the provider --%>
<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Connect your account</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/style.css">
</head>
<body>
<h1>Connect your account</h1>
<p>To show <code><c:out value="${oauth1NextUrl}"/></code>, this sample needs to read your account at the
OAuth provider <strong><c:out value="${oauth1ConsumerName}"/></strong>. You will now go to the provider, where
you can approve or deny it, and come back here.</p>
<p><a id="continue" class="button" href="<c:out value='${oauth1AuthorizationUrl}'/>">Continue to the provider</a>
    <a id="cancel" href="${pageContext.request.contextPath}/">Not now</a></p>
</body>
</html>
