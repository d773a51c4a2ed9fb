using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Telnyx.BuildBenchmarks;

/// <summary>One curve of a panel: (x, y) points in x order.</summary>
public sealed record Series(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);

/// <summary>One chart of the grid: a title, axis labels and its curves.</summary>
public sealed record Panel(string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series);

/// <summary>
/// A grid of line charts as a standalone SVG, written by hand (no plotting library): linear axes from 0 with
/// rounded ticks, one polyline and dot per point for each series, and a legend.
/// </summary>
public static class SvgPlot
{
    private const int PanelWidth = 460;
    private const int PanelHeight = 300;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 40;
    private const int Bottom = 50;

    public static string Render(string title, IReadOnlyList<Panel> panels, int columns = 2)
    {
        var rows = (panels.Count + columns - 1) / columns;
        var width = PanelWidth * columns;
        var height = PanelHeight * rows + 60;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        for (var i = 0; i < panels.Count; i++)
        {
            DrawPanel(svg, panels[i], (i % columns) * PanelWidth, 40 + (i / columns) * PanelHeight);
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void DrawPanel(StringBuilder svg, Panel panel, int ox, int oy)
    {
        var plotW = PanelWidth - Left - Right;
        var plotH = PanelHeight - Top - Bottom;
        var points = panel.Series.SelectMany(s => s.Points).ToList();
        var xMax = Nice(points.Count == 0 ? 1 : points.Max(p => p.X));
        var yMax = Nice(points.Count == 0 ? 1 : points.Max(p => p.Y) * 1.05);
        double X(double x) => ox + Left + x / xMax * plotW;
        double Y(double y) => oy + Top + plotH - y / yMax * plotH;

        svg.Append(Invariant($"<text x=\"{ox + PanelWidth / 2}\" y=\"{oy + 22}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{Escape(panel.Title)}</text>\n"));
        for (var t = 0; t <= 5; t++)
        {
            var yv = yMax * t / 5;
            var xv = xMax * t / 5;
            svg.Append(Invariant($"<line x1=\"{ox + Left}\" y1=\"{Y(yv):F1}\" x2=\"{ox + Left + plotW}\" y2=\"{Y(yv):F1}\" stroke=\"#ddd\"/>\n"));
            svg.Append(Invariant($"<text x=\"{ox + Left - 6}\" y=\"{Y(yv) + 4:F1}\" text-anchor=\"end\">{Label(yv)}</text>\n"));
            svg.Append(Invariant($"<line x1=\"{X(xv):F1}\" y1=\"{oy + Top + plotH}\" x2=\"{X(xv):F1}\" y2=\"{oy + Top + plotH + 4}\" stroke=\"#333\"/>\n"));
            svg.Append(Invariant($"<text x=\"{X(xv):F1}\" y=\"{oy + Top + plotH + 18}\" text-anchor=\"middle\">{Label(xv)}</text>\n"));
        }
        svg.Append(Invariant($"<rect x=\"{ox + Left}\" y=\"{oy + Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#333\"/>\n"));
        svg.Append(Invariant($"<text x=\"{ox + Left + plotW / 2}\" y=\"{oy + PanelHeight - 12}\" text-anchor=\"middle\">{Escape(panel.XLabel)}</text>\n"));
        svg.Append(Invariant($"<text transform=\"translate({ox + 16},{oy + Top + plotH / 2}) rotate(-90)\" text-anchor=\"middle\">{Escape(panel.YLabel)}</text>\n"));

        var legendY = oy + Top + 14;
        foreach (var series in panel.Series)
        {
            if (series.Points.Count > 0)
            {
                var path = string.Join(' ', series.Points.Select(p => Invariant($"{X(p.X):F1},{Y(p.Y):F1}")));
                svg.Append(Invariant($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2\"/>\n"));
                foreach (var p in series.Points)
                {
                    svg.Append(Invariant($"<circle cx=\"{X(p.X):F1}\" cy=\"{Y(p.Y):F1}\" r=\"3.5\" fill=\"{series.Color}\"/>\n"));
                }
            }
            svg.Append(Invariant($"<line x1=\"{ox + Left + 10}\" y1=\"{legendY - 4}\" x2=\"{ox + Left + 30}\" y2=\"{legendY - 4}\" stroke=\"{series.Color}\" stroke-width=\"2\"/>\n"));
            svg.Append(Invariant($"<text x=\"{ox + Left + 36}\" y=\"{legendY}\">{Escape(series.Name)}</text>\n"));
            legendY += 16;
        }
    }

    /// <summary>The smallest 1, 2 or 5 × 10^n at or above the value, so ticks at fifths are round numbers.</summary>
    private static double Nice(double value)
    {
        if (value <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (step * magnitude >= value) return step * magnitude;
        }
        return 10 * magnitude;
    }

    private static string Label(double v) => v >= 1_000_000 ? Invariant($"{v / 1_000_000:0.#}M") : v >= 10_000 ? Invariant($"{v / 1000:0.#}k") : Invariant($"{v:0.##}");

    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
