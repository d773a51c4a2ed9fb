using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Telnyx.Runtime.Primitives;

/// <summary>Copies a response's headers (message and content) into the read-only map the public types expose.</summary>
internal static class ResponseHeaders
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Collect(HttpResponseMessage response)
    {
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        Add(map, response.Headers.NonValidated);
        Add(map, response.Content.Headers.NonValidated);
        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(map);
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> map, HttpHeadersNonValidated headers)
    {
        foreach (var header in headers)
        {
            var values = new string[header.Value.Count];
            int i = 0;
            foreach (string value in header.Value)
            {
                values[i++] = value;
            }
            // A name present in both collections (rare) keeps the message's values first.
            if (map.TryGetValue(header.Key, out var existing))
            {
                var merged = new string[existing.Count + values.Length];
                for (int j = 0; j < existing.Count; j++)
                {
                    merged[j] = existing[j];
                }
                values.CopyTo(merged, existing.Count);
                values = merged;
            }
            map[header.Key] = values;
        }
    }
}
