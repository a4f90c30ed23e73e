// Contrast where axe-core only says "needs review" (its `incomplete` results):
// - `equalRatio`: text the same colour as its background (white on a white button).
//   axe puts a 1:1 ratio among the incomplete, assuming it is hidden text on purpose;
//   on our public pages it never is, so it is a failure.
// - `bgGradient`: text over a CSS gradient. We take the colour stops of the nearest
//   gradient behind the element and require the ratio against the worst stop.
// Returns one line per failing node.
(incomplete) => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const lum = ({ r, g, b }) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => {
    const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p);
    return (a + 0.05) / (b + 0.05);
  };
  const gradientStops = (el) => {
    for (let node = el; node && node !== document.documentElement; node = node.parentElement) {
      const image = getComputedStyle(node).backgroundImage;
      if (image && image.includes("gradient")) {
        return (image.match(/rgba?\([^)]+\)/g) || []).map(parse).filter(Boolean);
      }
    }
    return [];
  };
  const failures = [];
  for (const rule of incomplete.filter((r) => r.id === "color-contrast")) {
    for (const node of rule.nodes) {
      const data = (node.any[0] || {}).data || {};
      const where = JSON.stringify(node.target);
      if (data.messageKey === "equalRatio") {
        failures.push(`${where}: text colour equals its background (${data.fgColor} on ${data.bgColor})`);
        continue;
      }
      if (data.messageKey !== "bgGradient") continue;
      const el = document.querySelector(node.target[0]);
      if (!el) continue;
      const style = getComputedStyle(el);
      const fg = parse(style.color);
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      const worst = Math.min(...gradientStops(el).map((stop) => ratio(fg, stop)));
      if (worst < needed) {
        failures.push(`${where}: contrast ${worst.toFixed(2)}:1 over a gradient, needs ${needed}:1`);
      }
    }
  }
  return failures;
}
