using System;

namespace Telnyx.Runtime.Primitives;

/// <summary>Marks a generated client method with the OpenAPI operation it calls.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TelnyxOperationAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="operationId">The document's <c>operationId</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path template, as in the document.</param>
    public TelnyxOperationAttribute(string operationId, string method, string path)
    {
        OperationId = operationId;
        Method = method;
        Path = path;
    }

    /// <summary>The document's <c>operationId</c> (or the one the generator made up when it had none).</summary>
    public string OperationId { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path template, as in the document.</summary>
    public string Path { get; }
}
