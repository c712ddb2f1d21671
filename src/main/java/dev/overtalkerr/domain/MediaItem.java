package dev.overtalkerr.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A film or series as every backend reports it, normalised. Search results may leave {@code
 * seasons} empty; {@link MediaBackend#details} fills them.
 *
 * @param type film or series
 * @param tmdbId The Movie Database id (Seerr's mediaId); 0 when the backend gave none
 * @param tvdbId TheTVDB id for series, or null
 * @param title the title as the backend spells it (spoken as is)
 * @param originalTitle the original-language title, or null
 * @param alternativeTitles other titles people may say (translations, aka), possibly empty
 * @param releaseDate first release / first air date, or null when unknown
 * @param overview a short description, or null
 * @param posterPath the poster path or URL, or null
 * @param originalLanguage ISO 639-1 code, or null
 * @param popularity the backend's popularity figure (TMDB), 0 when unknown
 * @param voteCount TMDB vote count, 0 when unknown
 * @param status availability of the regular copy (for a series: of the show as a whole)
 * @param status4k availability of the 4K copy
 * @param seasons per-season availability for series, empty for films or when not loaded
 * @param genres the genres that tell versions apart (animation, documentary); empty when unknown
 * @param originCountries ISO 3166 codes of the countries it comes from (TMDB gives them for
 *     series), upper case; empty when unknown
 */
public record MediaItem(
    MediaType type,
    int tmdbId,
    Integer tvdbId,
    String title,
    String originalTitle,
    List<String> alternativeTitles,
    LocalDate releaseDate,
    String overview,
    String posterPath,
    String originalLanguage,
    double popularity,
    int voteCount,
    Availability status,
    Availability status4k,
    List<Season> seasons,
    Set<Genre> genres,
    List<String> originCountries) {

  public MediaItem {
    genres = genres == null || genres.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(genres));
    originCountries = originCountries == null ? List.of() : List.copyOf(originCountries);
    alternativeTitles = alternativeTitles == null ? List.of() : List.copyOf(alternativeTitles);
    seasons = seasons == null ? List.of() : List.copyOf(seasons);
    status = status == null ? Availability.UNKNOWN : status;
    status4k = status4k == null ? Availability.UNKNOWN : status4k;
  }

  /** Without genres or countries of origin (backends and tests that do not know them). */
  public MediaItem(MediaType type, int tmdbId, Integer tvdbId, String title, String originalTitle,
      List<String> alternativeTitles, LocalDate releaseDate, String overview, String posterPath,
      String originalLanguage, double popularity, int voteCount, Availability status, Availability status4k,
      List<Season> seasons) {
    this(type, tmdbId, tvdbId, title, originalTitle, alternativeTitles, releaseDate, overview, posterPath,
        originalLanguage, popularity, voteCount, status, status4k, seasons, Set.of(), List.of());
  }

  /** True when it can be offered and requested: it has a title and a TMDB id. */
  public boolean isComplete() {
    return title != null && !title.isBlank() && tmdbId > 0;
  }

  /** The release year, or null when the date is unknown. */
  public Integer year() {
    return releaseDate == null ? null : releaseDate.getYear();
  }

  public Availability status(boolean fourK) {
    return fourK ? status4k : status;
  }

  /** The regular seasons (1 and up), in order. */
  public List<Season> regularSeasons() {
    return seasons.stream().filter(s -> s.number() > 0).sorted(java.util.Comparator.comparingInt(Season::number)).toList();
  }

  /** A copy with other seasons and statuses, as details calls return. */
  public MediaItem withDetails(Availability status, Availability status4k, List<Season> seasons) {
    return new MediaItem(type, tmdbId, tvdbId, title, originalTitle, alternativeTitles, releaseDate, overview,
        posterPath, originalLanguage, popularity, voteCount, status, status4k, seasons, genres, originCountries);
  }

  /** A copy with another title and alternative titles (a localized answer). */
  public MediaItem withTitles(String title, List<String> alternativeTitles) {
    return new MediaItem(type, tmdbId, tvdbId, title, originalTitle, alternativeTitles, releaseDate, overview,
        posterPath, originalLanguage, popularity, voteCount, status, status4k, seasons, genres, originCountries);
  }
}
