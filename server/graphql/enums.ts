/** Database values are lowercase snake_case; GraphQL enum values are SCREAMING_SNAKE. */
export function toGraphqlEnum<T extends string>(value: T): Uppercase<T> {
  return value.toUpperCase() as Uppercase<T>;
}

export function fromGraphqlEnum<T extends string>(value: T): Lowercase<T> {
  return value.toLowerCase() as Lowercase<T>;
}
