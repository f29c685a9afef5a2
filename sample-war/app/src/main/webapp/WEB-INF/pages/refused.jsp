<%-- oauth1.demo.page.refused: shown, with status 403, when the user denied access at the provider --%>
<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Access not granted</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/style.css">
</head>
<body>
<h1>Access not granted</h1>
<p>You did not let this sample use your account at <strong><c:out value="${oauth1ConsumerName}"/></strong>
<c:if test="${not empty oauth1Problem}">(the provider said <code id="problem"><c:out value="${oauth1Problem}"/></code>)</c:if>.
Nothing was stored.</p>
<p><a id="retry" class="button" href="<c:out value='${oauth1RestartUrl}'/>">Try again</a>
    <a id="home" href="${pageContext.request.contextPath}/">Home</a></p>
</body>
</html>
