// Each README example operation run through the generated types: its README variables must fit the operation's
// variables type, and reading the answer the way a UI would must type-check under tsc --strict. Root fields are
// read with ?. so that a root field made nullable for partial data keeps compiling.
import {
  BestOfGenresDocument,
  CreateMovieDocument,
  GenresDocument,
  LoginDocument,
  PageDocument,
  TopDocument,
} from "../target/gql/graphql";
import type {
  BestOfGenresQueryVariables,
  CreateMovieMutationVariables,
  TopQueryVariables,
} from "../target/gql/graphql";
import { execute } from "./client";
import bestOfGenresVariables from "../operations/best-of-genres.variables.json";
import createMovieVariables from "../operations/create-movie.variables.json";
import topVariables from "../operations/top.variables.json";

export async function tryIt(): Promise<string[]> {
  const variables: BestOfGenresQueryVariables = bestOfGenresVariables;
  const { data } = await execute(BestOfGenresDocument, variables);
  const movies = data?.movies;
  return (movies?.edges ?? []).map(({ node }) =>
    `${node.title} (${node.releaseDate}) ${node.rating ?? "unrated"} ${node.runtime?.iso8601 ?? "?"} ` +
    `${node.genres.map((genre) => genre.name).join("/")} by ${node.directors.map((person) => person.name).join(", ")}` +
    ` of ${movies?.totalCount ?? 0}, more: ${movies?.pageInfo.hasNextPage ? movies.pageInfo.endCursor ?? "" : "no"}`);
}

export async function topRated(): Promise<Array<{ title: string; rating: number | null }>> {
  const variables: TopQueryVariables = topVariables;
  const { data } = await execute(TopDocument, variables);
  return (data?.movies?.edges ?? []).map(({ node }) => ({ title: node.title, rating: node.rating ?? null }));
}

export async function genreNames(): Promise<string[]> {
  const { data } = await execute(GenresDocument, {});
  return (data?.genres ?? []).map((genre) => genre.name);
}

export async function firstPage(after: string | null): Promise<{ ids: string[]; next: string | null }> {
  const { data } = await execute(PageDocument, { after, filter: { titleContains: "godfather" } });
  const movies = data?.movies;
  return {
    ids: (movies?.edges ?? []).map(({ node }) => node.id),
    next: movies?.pageInfo.hasNextPage ? movies.pageInfo.endCursor ?? null : null,
  };
}

export async function signInAndCreate(): Promise<string | null> {
  const login = (await execute(LoginDocument, {})).data?.login;
  const token = login?.token;
  if (!token) {
    throw new Error(`sign-in refused: ${(login?.userErrors ?? []).map((error) => error.code).join(", ")}`);
  }
  const variables: CreateMovieMutationVariables = createMovieVariables;
  const payload = (await execute(CreateMovieDocument, variables, token)).data?.createMovie;
  for (const error of payload?.userErrors ?? []) console.error(error.field.join("."), error.code, error.message);
  return payload?.movie ? `${payload.movie.id}@${payload.movie.version}` : null;
}
