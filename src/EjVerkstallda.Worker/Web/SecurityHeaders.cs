using Microsoft.AspNetCore.Http;

namespace EjVerkstallda.Worker.Web;

/// <summary>
/// Headers on every answer: a strict Content-Security-Policy (scripts and styles only from this site's own files, no inline
/// script, no framing), no MIME sniffing, no referrer (a page's path names the nämnd and quarter), and no caching of pages
/// that hold confidential data.
/// </summary>
public static class SecurityHeaders
{
    public static string Policy(string? authority)
    {
        var formAction = "'self'" + (Uri.TryCreate(authority, UriKind.Absolute, out var a) ? " " + a.GetLeftPart(UriPartial.Authority) : "");
        return $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action {formAction}; frame-ancestors 'none'; base-uri 'none'";
    }

    public static IApplicationBuilder UseEjvSecurityHeaders(this IApplicationBuilder app, string? authority)
    {
        var policy = Policy(authority);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = policy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                if (!context.Request.Path.StartsWithSegments("/assets")) h.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
