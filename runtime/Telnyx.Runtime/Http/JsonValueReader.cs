using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Telnyx.Runtime.Primitives;

/// <summary>Reads one JSON value; the reader is positioned on its first token and must be left on its last.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="reader">The reader.</param>
public delegate T JsonValueReader<T>(ref Utf8JsonReader reader);
