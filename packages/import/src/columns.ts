/**
 * The columns of each input file, with the names planners may give them in English or Spanish
 * (the first name of each is the one `exportScenario` writes and the templates use). This is
 * the single list the importer, the exporter and data/templates/README.md describe.
 */
import type { ColumnSpec } from "./readTable.js";

const col = (key: string, ...names: string[]): ColumnSpec => ({ key, names: [key, ...names] });

/** stops.csv / stops.geojson */
export const STOP_COLUMNS: readonly ColumnSpec[] = [
  col("id", "codigo", "identificador"),
  col("name", "nombre"),
  col("lat", "latitude", "latitud"),
  col("lon", "lng", "longitude", "longitud"),
  col("zone", "zona"),
  col("locality", "localidad", "comuna", "municipio"),
  col("neighbourhood", "neighborhood", "barrio", "sector"),
  col("address", "direccion", "dirección", "referencia", "landmark"),
  col("services", "servicios"),
  col("bus_kinds", "tipos_bus", "tipo_bus"),
  col("weekdays", "dias"),
  col("time_windows", "windows", "ventanas", "horarios"),
  col("dwell_minutes", "permanencia_min", "minutos_permanencia"),
  col("max_visits", "visitas_max"),
  col("min_days_between", "dias_entre_visitas"),
  col("pinned", "fijadas"),
];

/** depots.csv */
export const DEPOT_COLUMNS: readonly ColumnSpec[] = [
  col("id", "codigo", "identificador"),
  col("name", "nombre"),
  col("lat", "latitude", "latitud"),
  col("lon", "lng", "longitude", "longitud"),
];

/** care-blocks.csv / care-blocks.geojson */
export const CARE_BLOCK_COLUMNS: readonly ColumnSpec[] = [
  ...DEPOT_COLUMNS,
  col("locality", "localidad", "comuna", "municipio"),
];

/** buses.csv */
export const BUS_COLUMNS: readonly ColumnSpec[] = [
  col("id", "codigo", "identificador"),
  col("name", "nombre"),
  col("kind", "tipo"),
  col("depot_id", "base", "deposito"),
  col("days", "dias"),
  col("shift_start", "inicio_turno"),
  col("shift_end", "fin_turno"),
  col("shifts_by_day", "turnos_por_dia"),
  col("max_work_minutes", "max_trabajo_min"),
  col("max_drive_minutes", "max_conduccion_min"),
  col("setup_minutes", "montaje_min"),
  col("packup_minutes", "desmontaje_min"),
  col("lunch_start", "almuerzo_inicio"),
  col("lunch_end", "almuerzo_fin"),
  col("lunch_minutes", "almuerzo_min"),
];

/** demand.csv / demand.geojson as points, or polygons with a population */
export const DEMAND_COLUMNS: readonly ColumnSpec[] = [
  col("id", "codigo", "identificador"),
  col("lat", "latitude", "latitud"),
  col("lon", "lng", "longitude", "longitud"),
  col("caregivers", "cuidadoras", "personas_cuidadoras"),
  col("population", "poblacion", "habitantes"),
  col("weight", "peso"),
  col("locality", "localidad", "comuna", "municipio"),
  col("zone", "zona"),
];

/** demand.csv in the scores form: one score per stop */
export const SCORE_COLUMNS: readonly ColumnSpec[] = [col("stop_id", "parada"), col("score", "puntaje")];
