using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telnyx.Runtime.Primitives;
using Xunit.Sdk;

namespace Telnyx.Sdk.Tests.Infrastructure;

/// <summary>JSON comparisons without reflection-based serialization (JsonDocument / JsonNode only).</summary>
public static class JsonAssert
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>Asserts both texts hold the same JSON value (property order ignored, numbers compared by value).</summary>
    public static void Equal(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        if (!JsonElement.DeepEquals(e.RootElement, a.RootElement))
        {
            throw new XunitException($"JSON differs.{Environment.NewLine}Expected: {expected}{Environment.NewLine}Actual:   {actual}");
        }
    }

    /// <summary>
    /// Asserts JSON equality, except that the properties named in <paramref name="dateTimeProperties"/> (at any depth)
    /// are compared as instants, since DateTimeOffset values may be written in another (equivalent) format.
    /// </summary>
    public static void EqualWithInstants(string expected, string actual, params string[] dateTimeProperties)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        var names = new HashSet<string>(dateTimeProperties, StringComparer.Ordinal);
        CompareInstants(e, a, names);
        if (!JsonNode.DeepEquals(e, a))
        {
            throw new XunitException($"JSON differs.{Environment.NewLine}Expected: {expected}{Environment.NewLine}Actual:   {actual}");
        }
    }

    private static void CompareInstants(JsonNode? expected, JsonNode? actual, HashSet<string> names)
    {
        if (expected is JsonObject eo && actual is JsonObject ao)
        {
            foreach (var name in eo.Select(p => p.Key).ToList())
            {
                if (names.Contains(name) && eo[name] is JsonValue ev && ao[name] is JsonValue av
                    && ev.TryGetValue(out string? es) && av.TryGetValue(out string? @as))
                {
                    Assert.Equal(DateTimeOffset.Parse(es, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(@as, System.Globalization.CultureInfo.InvariantCulture));
                    eo.Remove(name);
                    ao.Remove(name);
                }
                else
                {
                    CompareInstants(eo[name], ao[name], names);
                }
            }
        }
        else if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            for (int i = 0; i < ea.Count; i++)
            {
                CompareInstants(ea[i], aa[i], names);
            }
        }
    }

    /// <summary>
    /// Asserts a request body: the same JSON object as <paramref name="expected"/>, with <c>command_id</c> checked
    /// separately: a GUID the SDK generated (<paramref name="expectGeneratedCommandId"/>), or exactly the expected value.
    /// </summary>
    /// <returns>The command_id sent, if any.</returns>
    public static string? RequestBody(string expected, byte[] actualBody, bool expectGeneratedCommandId)
    {
        var actualText = System.Text.Encoding.UTF8.GetString(actualBody);
        var actual = JsonNode.Parse(actualText) as JsonObject ?? throw new XunitException("The request body is not a JSON object: " + actualText);
        var wanted = JsonNode.Parse(expected) as JsonObject ?? throw new XunitException("The expected body is not a JSON object.");
        string? commandId = null;
        if (expectGeneratedCommandId)
        {
            Assert.False(wanted.ContainsKey("command_id"), "test bug: expected body must not hold command_id when one is generated");
            Assert.True(actual.ContainsKey("command_id"), "command_id missing from " + actualText);
            commandId = actual["command_id"]!.GetValue<string>();
            Assert.True(Guid.TryParse(commandId, out _), "command_id is not a GUID: " + commandId);
            actual.Remove("command_id");
        }
        else if (actual["command_id"] is JsonNode sent)
        {
            commandId = sent.GetValue<string>();
        }
        if (!JsonNode.DeepEquals(wanted, actual))
        {
            throw new XunitException($"Request body differs.{Environment.NewLine}Expected: {expected}{Environment.NewLine}Actual:   {actualText}");
        }
        return commandId;
    }

    /// <summary>Pretty JSON text of a node (for messages).</summary>
    public static string Show(JsonNode? node) => node?.ToJsonString(s_indented) ?? "null";
}

/// <summary>Assertions on the headers every SDK request carries.</summary>
public static class RequestAssert
{
    /// <summary>The runtime's version as it appears in the User-Agent.</summary>
    public static string RuntimeVersion
    {
        get
        {
            string version = typeof(TelnyxHttpCore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(TelnyxHttpCore).Assembly.GetName().Version!.ToString();
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? version[..plus] : version;
        }
    }

    public static void CommonHeaders(RecordedRequest request, bool hasBody, string apiKey = "KEY_test")
    {
        Assert.Equal("Bearer " + apiKey, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        string? userAgent = request.Header("User-Agent");
        Assert.NotNull(userAgent);
        Assert.StartsWith("Telnyx.Generated/" + RuntimeVersion + " ", userAgent);
        Assert.Contains(".NET " + Environment.Version, userAgent);
        if (hasBody)
        {
            Assert.Equal("application/json", request.Header("Content-Type"));
            Assert.NotEmpty(request.Body);
        }
        else
        {
            Assert.Null(request.Header("Content-Type"));
            Assert.Empty(request.Body);
        }
    }

    /// <summary>
    /// Asserts the raw target, and that Kestrel's decoded <c>Request.Path</c> + <c>QueryString</c> agree with it
    /// (path percent-decoded except <c>%2F</c>; query still escaped).
    /// </summary>
    public static void Target(RecordedRequest request, string expectedRawTarget)
    {
        Assert.Equal(expectedRawTarget, request.RawTarget);
        int q = expectedRawTarget.IndexOf('?', StringComparison.Ordinal);
        string rawPath = q < 0 ? expectedRawTarget : expectedRawTarget[..q];
        string query = q < 0 ? string.Empty : expectedRawTarget[q..];
        Assert.Equal(DecodePathLikeKestrel(rawPath), request.Path);
        Assert.Equal(query, request.QueryString);
    }

    private static string DecodePathLikeKestrel(string rawPath)
    {
        var segments = rawPath.Split("%2F", StringSplitOptions.None);
        return string.Join("%2F", segments.Select(Uri.UnescapeDataString));
    }
}
