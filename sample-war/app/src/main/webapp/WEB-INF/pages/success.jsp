<%-- oauth1.demo.page.success: shown by the flow once the access token is stored --%>
<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Account connected</title>
    <link rel="stylesheet" href="${pageContext.request.contextPath}/style.css">
</head>
<body>
<h1>Account connected</h1>
<p>The provider <strong><c:out value="${oauth1ConsumerName}"/></strong> gave this sample an access token,
<code id="access-token"><c:out value="${oauth1AccessToken}"/></code>, now stored for you.</p>
<p><a id="next" class="button" href="<c:out value='${oauth1NextUrl}'/>">Continue</a></p>
</body>
</html>
