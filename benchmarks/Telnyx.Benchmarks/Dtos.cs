using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Telnyx.Benchmarks;

// Hand-written DTOs for the baselines: what a developer writes without the SDK, serialized by System.Text.Json's
// own source generator (BaselineJsonContext below). Enum-like values are plain strings, as is usual by hand.

public sealed class CreateConferenceRequestDto
{
    public string CallControlId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? BeepEnabled { get; set; }
    public string? CommandId { get; set; }
}

public sealed class ConferenceEndedByDto
{
    public string? CallControlId { get; set; }
    public string? CallSessionId { get; set; }
}

public sealed class ConferenceDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? RecordType { get; set; }
    public string? Status { get; set; }
    public string? Region { get; set; }
    public string? ConnectionId { get; set; }
    public string? CreatedAt { get; set; }
    public string? UpdatedAt { get; set; }
    public string? ExpiresAt { get; set; }
    public string? EndReason { get; set; }
    public ConferenceEndedByDto? EndedBy { get; set; }
}

public sealed class ConferenceResponseDto
{
    public ConferenceDto? Data { get; set; }
}

public sealed class PageMetaDto
{
    public long? PageNumber { get; set; }
    public long? PageSize { get; set; }
    public long? TotalPages { get; set; }
    public long? TotalResults { get; set; }
}

public sealed class ListResponseDto
{
    public List<ConferenceDto>? Data { get; set; }
    public PageMetaDto? Meta { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateConferenceRequestDto))]
[JsonSerializable(typeof(ConferenceResponseDto))]
[JsonSerializable(typeof(ListResponseDto))]
public sealed partial class BaselineJsonContext : JsonSerializerContext
{
}
