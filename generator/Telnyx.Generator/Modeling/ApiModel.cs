using Telnyx.Generator.Helpers;

namespace Telnyx.Generator.Modeling;

/// <summary>Everything the emitters need from one spec; equatable all the way down.</summary>
internal sealed record ApiModel(
    string Namespace,
    string SpecFileName,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations,
    EquatableArray<WebhookEventModel> WebhookEvents);
