// The interactive API reference, from the document the server generates from its schemas.
window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  withCredentials: true,
  requestInterceptor: (req) => {
    const m = document.cookie.match(/(?:^|; )plenary_csrf=([^;]+)/);
    if (m) req.headers["X-CSRF-Token"] = decodeURIComponent(m[1]);
    return req;
  },
});
