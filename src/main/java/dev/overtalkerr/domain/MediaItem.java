package dev.overtalkerr.domain;

import java.time.LocalDate;
import java.util.List;

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
    List<Season> seasons) {

  public MediaItem {
    alternativeTitles = alternativeTitles == null ? List.of() : List.copyOf(alternativeTitles);
    seasons = seasons == null ? List.of() : List.copyOf(seasons);
    status = status == null ? Availability.UNKNOWN : status;
    status4k = status4k == null ? Availability.UNKNOWN : status4k;
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
        posterPath, originalLanguage, popularity, voteCount, status, status4k, seasons);
  }
}
