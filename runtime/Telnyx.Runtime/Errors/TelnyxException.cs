using System;

namespace Telnyx.Runtime;

/// <summary>Base class of every exception the Telnyx client throws on purpose.</summary>
public class TelnyxException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public TelnyxException()
        : this("A Telnyx client error occurred.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public TelnyxException(string message)
        : this(message, null, 0)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public TelnyxException(string message, Exception? innerException)
        : this(message, innerException, 0)
    {
    }

    /// <summary>Creates an exception that records how many HTTP attempts were made.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    /// <param name="attempts">How many HTTP attempts were made before giving up (0 when none was sent).</param>
    protected TelnyxException(string message, Exception? innerException, int attempts)
        : base(message, innerException)
    {
        Attempts = attempts;
    }

    /// <summary>
    /// How many HTTP attempts were made before this exception was thrown: 1 when the first attempt failed with a
    /// non-retryable outcome, <c>1 + MaxRetries</c> (of <see cref="TelnyxRetryPolicy"/> or <see cref="RequestOptions"/>) when every retry was spent, 0 when no request was sent.
    /// </summary>
    public int Attempts { get; }
}
