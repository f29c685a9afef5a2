<%-- oauth1.demo.page.invalid-signature: shown, with status 400 or 401, when @ValidateSignature refuses a request --%>
<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Request refused</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/style.css">
</head>
<body>
<h1>Request refused</h1>
<p>This address only accepts requests signed by the <code>demo</code> consumer. This one was refused:
<code id="problem"><c:out value="${requestScope['io.github.oauthconsumer.oauth_problem']}"/></code>.</p>
<p><a href="${pageContext.request.contextPath}/">Home</a></p>
</body>
</html>
