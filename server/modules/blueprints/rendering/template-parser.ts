import type { CompiledTemplate, PathExpression, TemplateNode } from "./template-ast.js";
import { TemplateError, type TemplatePosition } from "./template-error.js";
import { parseOutputExpression, parsePath } from "./template-expression.js";
import { type TagToken, tokenizeTemplate } from "./template-lexer.js";

const MAX_NESTING = 16;
const BLOCKS = ["if", "unless", "each"];

interface OpenBlock {
  token: TagToken;
  expression: PathExpression;
  main: TemplateNode[];
  otherwise: TemplateNode[];
  inElse: boolean;
}

function syntaxError(message: string, position: TemplatePosition): TemplateError {
  return new TemplateError("TEMPLATE_SYNTAX", message, position);
}

function closeBlock(block: OpenBlock): TemplateNode {
  const { token, expression, main, otherwise } = block;
  if (token.block === "each") {
    return { type: "each", list: expression, body: main, otherwise, position: token.position };
  }
  return {
    type: "if",
    negate: token.block === "unless",
    condition: expression,
    whenTrue: main,
    whenFalse: otherwise,
    position: token.position,
  };
}

/**
 * Parses a template into a tree. The grammar has no way to call functions, index with
 * computed keys or reach anything but the documented roots, so a template from an
 * untrusted blueprint can only read parameters and print them.
 */
export function compileTemplate(source: string, file: string): CompiledTemplate {
  const root: TemplateNode[] = [];
  const stack: OpenBlock[] = [];
  const target = (): TemplateNode[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.inElse ? top.otherwise : top.main;
  };
  for (const token of tokenizeTemplate(source, file)) {
    if (token.type === "text") {
      if (token.value !== "") target().push({ type: "text", value: token.value });
      continue;
    }
    switch (token.kind) {
      case "comment":
        break;
      case "output":
        target().push({
          type: "output",
          ...parseOutputExpression(token.body, token.position),
          position: token.position,
        });
        break;
      case "open": {
        if (!BLOCKS.includes(token.block)) throw syntaxError(`unknown block #${token.block}`, token.position);
        if (token.body === "") throw syntaxError(`#${token.block} needs a path`, token.position);
        if (stack.length >= MAX_NESTING)
          throw syntaxError(`blocks nest deeper than ${MAX_NESTING}`, token.position);
        const expression = parsePath(token.body, token.position);
        stack.push({ token, expression, main: [], otherwise: [], inElse: false });
        break;
      }
      case "else": {
        const top = stack[stack.length - 1];
        if (!top || top.inElse) throw syntaxError("{{else}} outside a block or twice in one", token.position);
        top.inElse = true;
        break;
      }
      case "close": {
        const top = stack.pop();
        if (!top) throw syntaxError(`{{/${token.block}}} without an opening tag`, token.position);
        if (top.token.block !== token.block || token.body !== "") {
          throw syntaxError(
            `{{/${token.block}}} closes {{#${top.token.block}}} from line ${top.token.position.line}`,
            token.position,
          );
        }
        target().push(closeBlock(top));
        break;
      }
      default: {
        const unreachable: never = token.kind;
        throw syntaxError(`unknown tag ${String(unreachable)}`, token.position);
      }
    }
  }
  const unclosed = stack.pop();
  if (unclosed) throw syntaxError(`{{#${unclosed.token.block}}} is never closed`, unclosed.token.position);
  return { file, nodes: root };
}
