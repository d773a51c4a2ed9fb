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

/// <summary>One API operation and the C# method it becomes.</summary>
/// <param name="ResourcePath">Resource group names from the path, e.g. <c>["Conferences", "Actions"]</c>.</param>
/// <param name="MethodName">Method name without the <c>Async</c> suffix.</param>
/// <param name="QueryTypeName">A generated parameters record for query parameters, when the operation has any.</param>
/// <param name="RawBodyMediaType">The media type of a request body that is not JSON: the method takes its bytes.</param>
/// <param name="BodyCanBeEmpty">The body type has no required members, so an empty one can be sent.</param>
/// <param name="HasCommandId">The request body has <c>command_id</c>: one is generated when unset and reused on retries.</param>
internal sealed record OperationModel(
    string OperationId,
    string HttpMethod,
    string Path,
    EquatableArray<string> ResourcePath,
    string MethodName,
    string? Summary,
    string? Description,
    bool IsDeprecated,
    EquatableArray<ParameterModel> PathParameters,
    string? QueryTypeName,
    EquatableArray<ParameterModel> QueryParameters,
    TypeRef? Body,
    string? RawBodyMediaType,
    bool BodyIsRequired,
    bool BodyCanBeEmpty,
    bool HasCommandId,
    ResponseShape ResponseShape,
    TypeRef? ResponseType,
    string Pointer);

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
