using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace EjVerkstallda.Infrastructure.Mail;

/// <summary>
/// Retry for mail delivery: only <see cref="MailTransientException"/> is retried, with exponential
/// back-off and jitter; <see cref="MailPermanentException"/> and everything else pass straight through.
/// </summary>
public static class MailResilience
{
    /// <summary>Builds the pipeline.</summary>
    /// <param name="maxRetryAttempts">Retries after the first attempt (0 = no retry).</param>
    /// <param name="baseDelay">Delay before the first retry; doubled for each further one (with jitter).</param>
    /// <param name="logger">Receives one warning per retry: message id, attempt, exception type.</param>
    public static ResiliencePipeline CreatePipeline(int maxRetryAttempts, TimeSpan baseDelay, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetryAttempts);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(logger);
        if (maxRetryAttempts == 0)
            return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<MailTransientException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = maxRetryAttempts,
                Delay = baseDelay,
                OnRetry = args => LogRetry(logger, args),
            })
            .Build();
    }

    /// <summary>Sends <paramref name="mail"/> through <paramref name="sender"/> inside <paramref name="pipeline"/>.</summary>
    public static ValueTask SendAsync(ResiliencePipeline pipeline, IMailSender sender, OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(mail);
        return pipeline.ExecuteAsync(
            static (state, token) => new ValueTask(state.sender.SendAsync(state.mail, token)),
            (sender, mail),
            cancellationToken);
    }

    private static ValueTask LogRetry(ILogger logger, OnRetryArguments<object> args)
    {
        Exception? exception = args.Outcome.Exception;
        string messageId = (exception as MailTransientException)?.MessageId ?? "(unknown)";
        Log.RetryingDelivery(logger, messageId, args.AttemptNumber + 1, exception?.GetType().Name ?? "(none)", args.RetryDelay);
        return ValueTask.CompletedTask;
    }
}
