using System;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Telnyx.Runtime;

namespace Telnyx.Demo;

/// <summary><c>--trace</c>: every SDK span, with the HttpClient spans nested in it, printed as it ends.</summary>
internal static class DemoTracing
{
    public static IDisposable Start() =>
        Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(resource => resource.AddService("Telnyx.Demo"))
            .AddSource(TelnyxTelemetry.Name, "System.Net.Http")
            .AddConsoleExporter()
            .Build();
}
