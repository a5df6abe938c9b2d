import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";

function selects(
  selectionSet: SelectionSetNode | undefined,
  name: string,
  info: GraphQLResolveInfo,
): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === "Field" && selection.name.value === name) return true;
    if (selection.kind === "InlineFragment" && selects(selection.selectionSet, name, info)) return true;
    if (selection.kind === "FragmentSpread") {
      const fragment = info.fragments[selection.name.value];
      if (fragment && selects(fragment.selectionSet, name, info)) return true;
    }
  }
  return false;
}

/**
 * Whether the operation asks for `name` directly under the field being resolved (through fragments too). Lets a
 * resolver skip work nobody reads: search facets cost a pass over every match.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info));
}
