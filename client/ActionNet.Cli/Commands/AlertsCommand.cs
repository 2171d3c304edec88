using System.CommandLine;
using System.Globalization;
using ActionNet.Abstractions.Alerts;
using ActionNet.Abstractions.Cameras;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Output;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary><c>actionnet alerts add|list|remove|deliveries</c>: manage alert rules and see what was delivered.</summary>
public static class AlertsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var cluster = new ClusterOptions();
        var command = new Command("alerts", "alert rules (webhook and MQTT firings per label segment) and their deliveries")
        {
            CreateAdd(cluster), CreateList(cluster), CreateRemove(cluster), CreateDeliveries(cluster),
        };
        cluster.AddTo(command);
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "rule id: 1 to 63 characters of a-z, 0-9 and '-'" };

    private static Command CreateAdd(ClusterOptions cluster)
    {
        var id = IdArgument();
        var label = new Option<string>("--label") { Description = "the label (model class name) that fires the rule", Required = true };
        var cameras = new Option<string[]>("--camera") { Description = $"a camera id to watch, or '{AlertRule.AllCameras}' for all (repeatable; default: all)", AllowMultipleArgumentsPerToken = false };
        var confidence = NumberOptions.Decimal("--min-confidence", "least running mean confidence of the segment (default 0)", 0, 1, minIncluded: true);
        var seconds = NumberOptions.Decimal("--min-seconds", "least seconds the segment lasts before it fires (default 0)", 0, AlertInputRules.MaxDurationSeconds, minIncluded: true);
        var cooldown = NumberOptions.Decimal("--cooldown", "seconds after a firing ends before the camera fires this rule again (default 0)", 0, AlertInputRules.MaxCooldownSeconds, minIncluded: true);
        var webhook = new Option<string?>("--webhook") { Description = "http:// or https:// URL each firing phase is POSTed to, signed (X-ActionNet-Signature)" };
        var mqtt = new Option<bool>("--mqtt") { Description = "publish each firing phase to the cluster's MQTT broker" };
        var disabled = new Option<bool>("--disabled") { Description = "store the rule without letting it fire" };
        var command = new Command("add", "add an alert rule (or replace the rule with this id)") { id, label, cameras, confidence, seconds, cooldown, webhook, mqtt, disabled };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var watched = parse.GetValue(cameras) is { Length: > 0 } given ? given : [AlertRule.AllCameras];
            var rule = new AlertRule
            {
                Id = AlertInputRules.ValidateId(parse.GetRequiredValue(id)),
                Cameras = watched,
                Label = parse.GetRequiredValue(label),
                MinConfidence = parse.GetValue(confidence) ?? 0,
                MinDurationSeconds = parse.GetValue(seconds) ?? 0,
                CooldownSeconds = parse.GetValue(cooldown) ?? 0,
                WebhookUrl = parse.GetValue(webhook),
                Mqtt = parse.GetValue(mqtt),
                Enabled = !parse.GetValue(disabled),
            };

            // The same rules the grain applies, checked here so a bad value never reaches the cluster.
            AlertInputRules.Validate(rule);
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var stored = await connection.PutRuleAsync(rule, cancellationToken);
            CliConsole.Out.WriteLine($"alert rule {stored.Id} stored: {Describe(stored)}");
            return 0;
        });
        return command;
    }

    private static Command CreateList(ClusterOptions cluster)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("list", "list the alert rules") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var rules = await connection.RulesAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(rules);
                return 0;
            }

            var table = new Table().AddColumns("rule", "cameras", "label", "min confidence", "min seconds", "cooldown", "targets", "enabled");
            foreach (var r in rules)
            {
                table.AddRow(
                    r.Id,
                    Markup.Escape(string.Join(",", r.Cameras)),
                    Markup.Escape(r.Label),
                    r.MinConfidence.ToString("0.###", CultureInfo.InvariantCulture),
                    r.MinDurationSeconds.ToString("0.##", CultureInfo.InvariantCulture),
                    r.CooldownSeconds.ToString("0.##", CultureInfo.InvariantCulture),
                    Markup.Escape(Targets(r)),
                    r.Enabled ? "yes" : "no");
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{rules.Length} rule(s)");
            return 0;
        });
        return command;
    }

    private static Command CreateRemove(ClusterOptions cluster)
    {
        var id = IdArgument();
        var command = new Command("remove", "remove an alert rule; its open firings still end") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ruleId = AlertInputRules.ValidateId(parse.GetRequiredValue(id));
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            if (!await connection.RemoveRuleAsync(ruleId, cancellationToken))
            {
                throw new CliInputException($"alert rule '{ruleId}' does not exist; 'actionnet alerts list' shows the rules");
            }

            CliConsole.Out.WriteLine($"alert rule {ruleId} removed");
            return 0;
        });
        return command;
    }

    private static Command CreateDeliveries(ClusterOptions cluster)
    {
        var limit = NumberOptions.Whole("--limit", "most deliveries in one page (default 50)", 1, AlertInputRules.MaxDeliveriesLimit);
        var after = new Option<string?>("--after") { Description = "continue after the page that printed this token" };
        var json = new Option<bool>("--json") { Description = "print JSON: {\"items\": [...], \"next\": token or null}" };
        var command = new Command("deliveries", "list alert deliveries, newest first: pending, delivered and failed") { limit, after, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var pageSize = parse.GetValue(limit) ?? 50;
            await using var connection = await cluster.ConnectAsync(parse, cancellationToken);
            var page = await connection.DeliveriesAsync(pageSize, parse.GetValue(after), cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(new { items = page.Items, next = page.Next });
                return 0;
            }

            var table = new Table().AddColumns("recorded (UTC)", "rule", "camera", "label", "phase", "target", "outcome", "attempts", "last error");
            foreach (var d in page.Items)
            {
                table.AddRow(
                    d.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
                    d.RuleId,
                    d.CameraId,
                    Markup.Escape(d.Label),
                    d.Phase.ToString().ToLowerInvariant(),
                    d.Target.ToString().ToLowerInvariant(),
                    d.Outcome.ToString().ToLowerInvariant(),
                    $"{d.Attempts}",
                    Markup.Escape(d.LastError ?? "-"));
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{page.Items.Length} delivery(ies)");
            if (page.Next is not null)
            {
                CliConsole.Out.WriteLine(Markup.Escape($"more: this page stopped at --limit {pageSize}; continue with --after {page.Next}"));
            }

            return 0;
        });
        return command;
    }

    private static string Targets(AlertRule rule) =>
        string.Join(" + ", new[] { rule.WebhookUrl is { Length: > 0 } url ? $"webhook {SourceUrl.Redact(url)}" : null, rule.Mqtt ? "mqtt" : null }.OfType<string>());

    private static string Describe(AlertRule rule) => string.Create(
        CultureInfo.InvariantCulture,
        $"{rule.Label} on {string.Join(",", rule.Cameras)}, confidence >= {rule.MinConfidence:0.###}, >= {rule.MinDurationSeconds:0.##} s, cooldown {rule.CooldownSeconds:0.##} s, to {Targets(rule)}{(rule.Enabled ? "" : " (disabled)")}");
}
