import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from "graphql";
import { HubError } from "../errors.js";

/** Limits every operation must respect; violations are rejected before execution with QUERY_TOO_COMPLEX. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/** Page-size arguments that multiply the cost of what is selected below them. */
const LIST_SIZE_ARGUMENTS = new Set(["first", "last", "limit"]);
const DEFAULT_LIST_SIZE = 20;

function tooComplex(message: string, details: Record<string, number>): HubError {
  return new HubError("QUERY_TOO_COMPLEX", message, details);
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Walks a selection set once, following fragments (each fragment at most once per path, so cycles, which
 * validation rejects anyway, cannot loop), and returns its depth, alias count and cost. Cost: every field is 1,
 * multiplied by the page size of each list above it.
 */
function measure(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases += 1;
      const sizeArgument = selection.arguments?.find((argument) =>
        LIST_SIZE_ARGUMENTS.has(argument.name.value),
      );
      const multiplier =
        sizeArgument?.value.kind === Kind.INT
          ? Math.max(1, Number.parseInt(sizeArgument.value.value, 10))
          : sizeArgument
            ? DEFAULT_LIST_SIZE
            : 1;
      if (selection.selectionSet) {
        const inner = measure(selection.selectionSet, fragments, visiting);
        depth = Math.max(depth, inner.depth + 1);
        aliases += inner.aliases;
        cost += 1 + multiplier * inner.cost;
      } else {
        depth = Math.max(depth, 1);
        cost += 1;
      }
      continue;
    }
    const fragmentSelection =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : visiting.has(selection.name.value)
          ? undefined
          : fragments[selection.name.value]?.selectionSet;
    if (!fragmentSelection) continue;
    const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
    if (name) visiting.add(name);
    const inner = measure(fragmentSelection, fragments, visiting);
    if (name) visiting.delete(name);
    depth = Math.max(depth, inner.depth);
    aliases += inner.aliases;
    cost += inner.cost;
  }
  return { depth, aliases, cost };
}

/** A graphql-js validation rule enforcing depth, alias and cost limits on each operation. */
export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return {
      OperationDefinition(operation) {
        const { depth, aliases, cost } = measure(operation.selectionSet, fragments, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(
            tooComplex(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, { depth }),
          );
        }
        if (aliases > limits.maxAliases) {
          context.reportError(
            tooComplex(`Query uses ${aliases} aliases; the limit is ${limits.maxAliases}`, { aliases }),
          );
        }
        if (cost > limits.maxCost) {
          context.reportError(
            tooComplex(`Query cost ${cost} exceeds the limit of ${limits.maxCost}`, { cost }),
          );
        }
      },
    };
  };
}
