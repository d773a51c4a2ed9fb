using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Telnyx.Benchmarks;

/// <summary>The fixed JSON bodies both sides of every benchmark read: built once, deterministically.</summary>
public static class Payloads
{
    public const string ApiKey = "KEY0123456789ABCDEF_benchmark";
    public const string CallControlId = "v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg";
    public const string ConferenceName = "Business";
    public const string CreatedConferenceId = "3a15df2d-c801-4729-adf5-b56dd42e2abb";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    /// <summary>The body of a 200 answer to <c>POST /v2/conferences</c>: <c>{"data":{...}}</c>.</summary>
    public static byte[] CreateConferenceResponse()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writer.WriteStartObject();
            writer.WriteString("record_type", "conference");
            writer.WriteString("id", CreatedConferenceId);
            writer.WriteString("name", ConferenceName);
            writer.WriteString("created_at", "2024-05-14T18:10:02.574Z");
            writer.WriteString("updated_at", "2024-05-14T18:10:02.574Z");
            writer.WriteString("expires_at", "2024-05-14T22:10:02.574Z");
            writer.WriteString("region", "sv1");
            writer.WriteString("status", "in_progress");
            writer.WriteString("connection_id", "1494404757140276705");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A list page <c>{"data":[count conferences],"meta":{...}}</c>. Three in four conferences are completed and carry
    /// <c>end_reason</c> and <c>ended_by</c>; the rest are in progress or initialising and leave them out.
    /// </summary>
    public static byte[] ConferenceListPage(int count)
    {
        var random = new Random(20240514);
        string[] regions = ["sv1", "ch1", "ny1", "fr5", "am2"];
        string[] endReasons = ["all_left", "ended_via_api", "host_left", "time_exceeded"];
        var start = new DateTimeOffset(2024, 5, 14, 18, 0, 0, TimeSpan.Zero);
        var buffer = new ArrayBufferWriter<byte>(count * 512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writer.WriteStartArray();
            for (int i = 0; i < count; i++)
            {
                var created = start.AddSeconds(-97 * i).AddMilliseconds(random.Next(1000));
                string status = (i % 4) switch { 0 => "in_progress", 1 or 2 => "completed", _ => i % 8 == 3 ? "init" : "completed" };
                writer.WriteStartObject();
                writer.WriteString("record_type", "conference");
                writer.WriteString("id", NewGuid(random));
                writer.WriteString("name", "Conference " + i.ToString("D4", CultureInfo.InvariantCulture));
                writer.WriteString("created_at", Iso(created));
                writer.WriteString("updated_at", Iso(created.AddMinutes(random.Next(1, 90))));
                writer.WriteString("expires_at", Iso(created.AddHours(4)));
                writer.WriteString("region", regions[i % regions.Length]);
                writer.WriteString("status", status);
                writer.WriteString("connection_id", (1494404757140276705L + i).ToString(CultureInfo.InvariantCulture));
                if (status == "completed")
                {
                    writer.WriteString("end_reason", endReasons[random.Next(endReasons.Length)]);
                    writer.WritePropertyName("ended_by");
                    writer.WriteStartObject();
                    writer.WriteString("call_control_id", "v3:" + Convert.ToBase64String(Guid.Parse(NewGuid(random)).ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "_IiE4pqg");
                    writer.WriteString("call_session_id", NewGuid(random));
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WritePropertyName("meta");
            writer.WriteStartObject();
            writer.WriteNumber("page_number", 1);
            writer.WriteNumber("page_size", count);
            writer.WriteNumber("total_pages", 4);
            writer.WriteNumber("total_results", (count * 3) + 17);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
