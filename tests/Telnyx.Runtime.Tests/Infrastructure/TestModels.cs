using System.Net.Http;
using System.Text.Json;
using Telnyx.Runtime.Primitives;

namespace Telnyx.Runtime.Tests.Infrastructure;

/// <summary>A request body like a Call Control command: <c>{"command_id": "...", "name": "..."}</c>.</summary>
public sealed class TestCommand : ITelnyxJsonModel<TestCommand>
{
    public string? CommandId { get; set; }

    public string? Name { get; set; }

    public static TestCommand ReadJson(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object.");
        }
        var result = new TestCommand();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("command_id"u8))
            {
                reader.Read();
                result.CommandId = reader.GetString();
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                result.Name = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return result;
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (CommandId is not null)
        {
            writer.WriteString("command_id"u8, CommandId);
        }
        if (Name is not null)
        {
            writer.WriteString("name"u8, Name);
        }
        writer.WriteEndObject();
    }
}

/// <summary>A response model: <c>{"id": "...", "result": n}</c>.</summary>
public sealed class TestResult : ITelnyxJsonModel<TestResult>
{
    public string? Id { get; set; }

    public long Result { get; set; }

    public static TestResult ReadJson(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object for TestResult, found " + reader.TokenType + ".");
        }
        var result = new TestResult();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                result.Id = reader.GetString();
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                result.Result = reader.GetInt64();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return result;
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, Id);
        writer.WriteNumber("result"u8, Result);
        writer.WriteEndObject();
    }

    public static readonly JsonValueReader<TestResult> Reader = (ref Utf8JsonReader r) => ReadJson(ref r);
}

public static class TestClients
{
    public const string ApiKey = "KEY0123_test";

    /// <summary>A core pointed at <paramref name="server"/>, with the recording retry policy (no waits, no jitter unless set).</summary>
    public static TelnyxHttpCore Create(FakeTelnyxServer server, RecordingRetryPolicy? delay = null, System.Action<TelnyxClientOptions>? configure = null)
    {
        var options = new TelnyxClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = server.BaseUrl,
            Retry = delay ?? new RecordingRetryPolicy(),
            Timeout = System.TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new TelnyxHttpCore(options);
    }

    public static TelnyxRequest Get(string path) => new(HttpMethod.Get, path);

    public static TelnyxRequest Post(string path, TestCommand body)
    {
        var request = new TelnyxRequest(HttpMethod.Post, path);
        request.SetJsonBody(body);
        return request;
    }
}
