package dev.overtalkerr.backend.fake;

import java.util.List;

/**
 * A person in a fake backend: found by the ordinary search (as a result of media type person) and
 * credited as cast or crew on titles of the fake's catalogue.
 *
 * @param id the TMDB person id
 * @param name the name as the backend spells it
 * @param cast titles the person acted in
 * @param crew titles the person worked on otherwise (directing, writing)
 */
public record FakePerson(int id, String name, List<FakeTitle> cast, List<FakeTitle> crew) {
  public FakePerson {
    cast = List.copyOf(cast);
    crew = List.copyOf(crew);
  }
}
