using Telnyx.Generator.Helpers;

namespace Telnyx.Generator.Modeling;

/// <summary>How a response body maps to a method's return type.</summary>
internal enum ResponseShape
{
    /// <summary>No body (204) or a body the caller does not need: <c>Task</c>.</summary>
    None,
    /// <summary><c>{ "data": X }</c>: returns X.</summary>
    DataEnvelope,
    /// <summary><c>{ "data": [X], "meta": ... }</c> with page-number pagination: returns a pager of X.</summary>
    Paged,
    /// <summary>Any other JSON body: returns the body type.</summary>
    Body,
    /// <summary>A body that is not JSON (audio, CSV, PDF...): returns the raw response.</summary>
    Raw,
}

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>
/// One API operation and the C# method it becomes. Built with an object initializer: every member is
/// <c>required</c>, so a construction site names what it sets and cannot leave one out.
/// </summary>
internal sealed record OperationModel
{
    // ---- identity ----------------------------------------------------------------------------------------------

    public required string OperationId { get; init; }

    /// <summary>Upper case: <c>GET</c>, <c>POST</c>...</summary>
    public required string HttpMethod { get; init; }

    /// <summary>The path template: <c>/conferences/{id}/actions/join</c>.</summary>
    public required string Path { get; init; }

    /// <summary>JSON pointer of the operation in the spec, for diagnostics and comments.</summary>
    public required string Pointer { get; init; }

    // ---- the method --------------------------------------------------------------------------------------------

    /// <summary>Resource group names from the path, e.g. <c>["Conferences", "Actions"]</c>.</summary>
    public required EquatableArray<string> ResourcePath { get; init; }

    /// <summary>Method name without the <c>Async</c> suffix.</summary>
    public required string MethodName { get; init; }

    public required string? Summary { get; init; }

    public required string? Description { get; init; }

    public required bool IsDeprecated { get; init; }

    // ---- parameters --------------------------------------------------------------------------------------------

    public required EquatableArray<ParameterModel> PathParameters { get; init; }

    /// <summary>A generated parameters record for query parameters, when the operation has any (or is paged).</summary>
    public required string? QueryTypeName { get; init; }

    public required EquatableArray<ParameterModel> QueryParameters { get; init; }

    // ---- request body ------------------------------------------------------------------------------------------

    /// <summary>The JSON body's type, when the operation takes one.</summary>
    public required TypeRef? Body { get; init; }

    /// <summary>The media type of a request body that is not JSON: the method takes its bytes.</summary>
    public required string? RawBodyMediaType { get; init; }

    public required bool BodyIsRequired { get; init; }

    /// <summary>The body type has no required members, so an empty one can be sent.</summary>
    public required bool BodyCanBeEmpty { get; init; }

    /// <summary>The request body has <c>command_id</c>: one is generated when unset and reused on retries.</summary>
    public required bool HasCommandId { get; init; }

    // ---- response ----------------------------------------------------------------------------------------------

    public required ResponseShape ResponseShape { get; init; }

    /// <summary>What the method returns (the item type of a pager), by <see cref="ResponseShape"/>.</summary>
    public required TypeRef? ResponseType { get; init; }
}

/// <param name="Style">For query parameters: <c>form</c> or <c>deepObject</c>.</param>
/// <param name="DeepObjectProperties">For deepObject parameters: the nested keys and their types.</param>
internal sealed record ParameterModel(
    string JsonName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool IsRequired,
    string? Doc,
    string Style,
    EquatableArray<PropertyModel> DeepObjectProperties);

/// <summary>A webhook event from the spec's <c>webhooks</c> section.</summary>
/// <param name="EventType">The single <c>event_type</c> value that selects it.</param>
/// <param name="ClassName">The event's class in the <c>TelnyxWebhookEvent</c> union.</param>
/// <param name="DataTypeName">The generated record for the event object itself (inside the envelope, when there is one).</param>
/// <param name="PayloadType">The event's <c>payload</c> property type, when it has one.</param>
internal sealed record WebhookEventModel(string Key, string EventType, string ClassName, string DataTypeName, TypeRef? PayloadType, string? Doc);
