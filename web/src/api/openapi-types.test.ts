// The API's shape is written once, in src/api/openapi.json: this test reads the web's JSON types
// (src/api/types.ts and every src/areas/<area>/types.ts) with the TypeScript compiler and checks
// each mapped interface against its component schema, so that a field renamed, added or removed
// on either side fails here. Checked, down through nested objects, arrays and maps: the property
// names both ways, a schema-required property is not optional in TypeScript, null is admitted
// exactly where the schema says nullable, the basic kinds agree (integer and number -> number,
// string, boolean, array, object) and a closed enum is the same set of string literals.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const WEB = join(__dirname, '..', '..');
const OPENAPI = join(WEB, '..', 'src', 'api', 'openapi.json');

/** Each web interface and the component schema it mirrors (#/components/schemas/<name>). */
const TABLE: Record<string, string> = {
  // src/api
  ErrorBody: 'Error',
  Page: 'PageBase',
  // customers
  Customer: 'Customer',
  CustomerListItem: 'CustomerListItem',
  CustomerWithTimeline: 'CustomerWithTimeline',
  TimelineEvent: 'TimelineEvent',
  OrderLine: 'OrderLine',
  Order: 'Order',
  InteractionInput: 'InteractionInput',
  SavedView: 'SavedView',
  // retention
  Prediction: 'Prediction',
  AnalysisHeader: 'AnalysisSection',
  ListPrediction: 'ListPrediction',
  Summary: 'AnalysisSummary',
  ReportSummary: 'ReportSummary',
  ChurnSection: 'ChurnSection',
  SpendFit: 'SpendFit',
  Holdout: 'Holdout',
  ReportOptions: 'ReportOptions',
  RfmReport: 'RfmReport',
  RfmSection: 'RfmSection',
  CohortsReport: 'CohortsReport',
  CohortsSection: 'CohortsSection',
  Cohort: 'Cohort',
  ClvReport: 'ClvReport',
  ClvSection: 'ClvSection',
  TiersReport: 'TiersReport',
  TiersSection: 'TiersSection',
  TierRow: 'TierRow',
  // crosssell
  Offer: 'Offer',
  Recommendations: 'Recommendations',
  Rule: 'BasketRule',
  RulesReport: 'BasketRules',
  CategoriesReport: 'CategoryCoverage',
  // access
  User: 'User',
  Session: 'Session',
  // platform
  AuditEntry: 'AuditEntry',
  // webhooks
  Webhook: 'Webhook',
  NewWebhook: 'NewWebhook',
  WebhookInput: 'WebhookInput',
  WebhookChange: 'WebhookChange',
  WebhookDelivery: 'WebhookDelivery',
};

/** Interfaces of the types.ts files that mirror no component schema of their own, and why. */
const NOT_SCHEMAS: Record<string, string> = {
  CustomerFilters: 'query parameters of GET /customers and a saved view’s query (a string map)',
  CategoryTarget: 'checked as CategoryCoverage.targets[]',
  AuditActor: 'checked as AuditEntry.actor',
  AuditChange: 'checked as AuditEntry.changes[*]',
};

/**
 * Deliberate differences, by path (Interface.property, [] for an array's items, [*] for a map's
 * values). Each must still be needed: a stale entry fails too.
 */
const EXCEPTIONS: Record<string, string> = {
  // A PATCH may send back what GET returned; the server ignores these read-only keys and the
  // web never sends them.
  'WebhookChange.id': 'read-only, ignored on PATCH',
  'WebhookChange.created_at': 'read-only, ignored on PATCH',
  'WebhookChange.updated_at': 'read-only, ignored on PATCH',
};

// ---------------------------------------------------------------------------------------------
// Shapes: what both sides are reduced to before they are compared.

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'any';

interface Shape {
  kinds: Set<Kind>;
  nullable: boolean;
  /** The string values when the strings are a closed set (an enum, a union of literals). */
  literals: string[] | null;
  /** Named properties of an object; null when none are described (a map, or an open object). */
  props: Map<string, { optional: boolean; shape: Shape }> | null;
  /** The value of a string-keyed map. */
  values: Shape | null;
  /** An array's items. */
  items: Shape | null;
}

function emptyShape(): Shape {
  return { kinds: new Set(), nullable: false, literals: null, props: null, values: null, items: null };
}

// ---------------------------------------------------------------------------------------------
// The TypeScript side, read through the type checker (so `extends`, imported types, aliases and
// Record<...> resolve as the compiler sees them).

function typeFiles(): string[] {
  const areas = join(WEB, 'src', 'areas');
  return [
    join(WEB, 'src', 'api', 'types.ts'),
    ...readdirSync(areas, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(areas, d.name, 'types.ts'))
      .filter((file) => existsSync(file)),
  ];
}

/** The exported interfaces (and object type aliases) of the files, by name, with a checker.
 *  `virtual` supplies sources from memory (the comparator's own test). */
function readInterfaces(
  files: string[],
  virtual: Record<string, string> = {},
): { checker: ts.TypeChecker; types: Map<string, ts.Type> } {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    skipLibCheck: true,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name in virtual
      ? ts.createSourceFile(name, virtual[name]!, language)
      : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name in virtual || fileExists.call(host, name);
  host.readFile = (name) => virtual[name] ?? readFile.call(host, name);
  const program = ts.createProgram(files, options, host);
  const checker = program.getTypeChecker();
  const types = new Map<string, ts.Type>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`cannot read ${file}`);
    const module = checker.getSymbolAtLocation(source);
    if (!module) continue;
    for (const symbol of checker.getExportsOfModule(module)) {
      const declaration = symbol.declarations?.[0];
      const isObjectAlias =
        declaration !== undefined &&
        ts.isTypeAliasDeclaration(declaration) &&
        ts.isTypeLiteralNode(declaration.type);
      if (!(symbol.flags & ts.SymbolFlags.Interface) && !isObjectAlias) continue;
      if (types.has(symbol.name)) throw new Error(`${symbol.name} is declared in two types.ts files`);
      types.set(symbol.name, checker.getDeclaredTypeOfSymbol(symbol));
    }
  }
  return { checker, types };
}

function describeType(checker: ts.TypeChecker, type: ts.Type, depth = 0): Shape {
  const shape = emptyShape();
  if (depth > 12) {
    shape.kinds.add('any');
    return shape;
  }
  let closed = true;
  const literals: string[] = [];
  for (const t of type.isUnion() ? type.types : [type]) {
    const f = t.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) {
      shape.kinds.add('any');
    } else if (f & ts.TypeFlags.Null) {
      shape.nullable = true;
    } else if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) {
      // Optional: handled through the property's optionality.
    } else if (f & ts.TypeFlags.StringLiteral) {
      shape.kinds.add('string');
      literals.push((t as ts.StringLiteralType).value);
    } else if (f & ts.TypeFlags.StringLike) {
      shape.kinds.add('string');
      closed = false;
    } else if (f & ts.TypeFlags.NumberLike) {
      shape.kinds.add('number');
    } else if (f & ts.TypeFlags.BooleanLike) {
      shape.kinds.add('boolean');
    } else if (checker.isArrayType(t) || checker.isTupleType(t)) {
      shape.kinds.add('array');
      const [item] = checker.getTypeArguments(t as ts.TypeReference);
      shape.items = item ? describeType(checker, item, depth + 1) : null;
    } else if (f & ts.TypeFlags.Object || f & ts.TypeFlags.Intersection) {
      shape.kinds.add('object');
      const props = checker.getPropertiesOfType(t);
      if (props.length > 0) {
        shape.props = new Map();
        for (const p of props) {
          const declaration = p.valueDeclaration ?? p.declarations?.[0];
          const propType = declaration
            ? checker.getTypeOfSymbolAtLocation(p, declaration)
            : checker.getTypeOfSymbol(p);
          shape.props.set(p.name, {
            optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
            shape: describeType(checker, propType, depth + 1),
          });
        }
      }
      const values = checker.getIndexTypeOfType(t, ts.IndexKind.String);
      if (values) shape.values = describeType(checker, values, depth + 1);
    } else {
      throw new Error(`unhandled TypeScript type ${checker.typeToString(t)}`);
    }
  }
  if (closed && literals.length > 0) shape.literals = literals.sort();
  return shape;
}

// ---------------------------------------------------------------------------------------------
// The OpenAPI side: $ref followed, allOf merged.

type Schema = Record<string, unknown> & {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
};

const document = JSON.parse(readFileSync(OPENAPI, 'utf8')) as {
  components: { schemas: Record<string, Schema> };
};
const schemas = document.components.schemas;

function resolve(schema: Schema, seen: string[] = []): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = schemas[name];
    if (!target) throw new Error(`unknown $ref ${schema.$ref}`);
    if (seen.includes(name)) throw new Error(`$ref cycle through ${name}`);
    return resolve(target, [...seen, name]);
  }
  if (!schema.allOf) return schema;
  // Later parts refine earlier ones; a property described in two parts takes both.
  const merged: Schema = {};
  const properties: Record<string, Schema> = {};
  const required = new Set<string>();
  for (const part of schema.allOf.map((s) => resolve(s, seen))) {
    const { properties: partProps, required: partRequired, ...rest } = part;
    Object.assign(merged, rest);
    for (const [name, prop] of Object.entries(partProps ?? {})) {
      properties[name] = properties[name] ? { allOf: [properties[name]!, prop] } : prop;
    }
    for (const name of partRequired ?? []) required.add(name);
  }
  const { allOf: _allOf, ...own } = schema;
  Object.assign(merged, own);
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  if (!merged.type && merged.properties) merged.type = 'object';
  return merged;
}

function describeSchema(raw: Schema, depth = 0): Shape {
  const schema = resolve(raw);
  const shape = emptyShape();
  shape.nullable = schema.nullable === true;
  if (depth > 12) {
    shape.kinds.add('any');
    return shape;
  }
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'integer':
    case 'number':
      shape.kinds.add('number');
      break;
    case 'string':
      shape.kinds.add('string');
      if (Array.isArray(schema.enum)) shape.literals = schema.enum.map(String).sort();
      break;
    case 'boolean':
      shape.kinds.add('boolean');
      break;
    case 'array':
      shape.kinds.add('array');
      shape.items = schema.items ? describeSchema(schema.items, depth + 1) : null;
      break;
    case 'object': {
      shape.kinds.add('object');
      const required = new Set(schema.required ?? []);
      if (schema.properties && Object.keys(schema.properties).length > 0) {
        shape.props = new Map();
        for (const [name, prop] of Object.entries(schema.properties)) {
          shape.props.set(name, { optional: !required.has(name), shape: describeSchema(prop, depth + 1) });
        }
      }
      if (typeof schema.additionalProperties === 'object') {
        shape.values = describeSchema(schema.additionalProperties, depth + 1);
      }
      break;
    }
    case undefined:
      shape.kinds.add('any');
      break;
    default:
      throw new Error(`unhandled schema type ${type}`);
  }
  return shape;
}

// ---------------------------------------------------------------------------------------------
// The comparison.

const usedExceptions = new Set<string>();

function kindsText(kinds: Set<Kind>): string {
  return [...kinds].sort().join(' | ') || 'nothing';
}

function compare(tsShape: Shape, schema: Shape, path: string, problems: string[]): void {
  if (schema.nullable && !tsShape.nullable) {
    problems.push(`${path}: nullable in the schema, but the TypeScript type does not admit null`);
  }
  if (tsShape.nullable && !schema.nullable) {
    problems.push(`${path}: admits null in TypeScript, but the schema does not say nullable`);
  }
  if (tsShape.kinds.has('any') || schema.kinds.has('any')) return;
  if (kindsText(tsShape.kinds) !== kindsText(schema.kinds)) {
    const [theirs, mine] = [kindsText(schema.kinds), kindsText(tsShape.kinds)];
    problems.push(`${path}: the schema says ${theirs}, TypeScript says ${mine}`);
    return;
  }
  if (tsShape.literals && schema.literals && tsShape.literals.join() !== schema.literals.join()) {
    const [theirs, mine] = [schema.literals.join(', '), tsShape.literals.join(', ')];
    problems.push(`${path}: the schema’s values are ${theirs}; TypeScript’s are ${mine}`);
  }
  if (tsShape.items && schema.items) compare(tsShape.items, schema.items, `${path}[]`, problems);
  if (tsShape.values && schema.values) compare(tsShape.values, schema.values, `${path}[*]`, problems);
  // An object the schema leaves undescribed (no properties) accepts whatever TypeScript names.
  if (!schema.props) return;
  const tsProps = tsShape.props ?? new Map<string, { optional: boolean; shape: Shape }>();
  const excepted = (at: string): boolean => {
    if (!(at in EXCEPTIONS)) return false;
    usedExceptions.add(at);
    return true;
  };
  for (const [name, prop] of schema.props) {
    const at = `${path}.${name}`;
    const mine = tsProps.get(name);
    if (!mine) {
      if (!excepted(at)) problems.push(`${at}: in the schema, missing in TypeScript`);
      continue;
    }
    if (!prop.optional && mine.optional) {
      problems.push(`${at}: required in the schema, optional in TypeScript`);
    }
    compare(mine.shape, prop.shape, at, problems);
  }
  for (const name of tsProps.keys()) {
    const at = `${path}.${name}`;
    if (!schema.props.has(name) && !excepted(at)) {
      problems.push(`${at}: in TypeScript, missing in the schema`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

const { checker, types } = readInterfaces(typeFiles());

describe('the comparison', () => {
  it('finds a rename, an addition, a kind, a null and an enum that differ', () => {
    const file = join(WEB, 'probe-types.ts');
    const probe = readInterfaces([file], {
      [file]: `export interface Probe {
        id: number;
        name: string;
        note: string;
        gone: string | null;
        tags: string[];
        kind: 'a' | 'b';
        inner: { x: number; y?: string };
        map: Record<string, { before: number }>;
      }`,
    });
    const schema: Schema = {
      type: 'object',
      required: ['id', 'inner'],
      properties: {
        id: { type: 'integer' },
        title: { type: 'string' },
        note: { type: 'string', nullable: true },
        gone: { type: 'string' },
        tags: { type: 'array', items: { type: 'integer' } },
        kind: { type: 'string', enum: ['a', 'c'] },
        inner: {
          type: 'object',
          required: ['y'],
          properties: { x: { type: 'number' }, y: { type: 'string' } },
        },
        map: { type: 'object', additionalProperties: { type: 'object', properties: { after: {} } } },
      },
    };
    const problems: string[] = [];
    const probeShape = describeType(probe.checker, probe.types.get('Probe')!);
    compare(probeShape, describeSchema(schema), 'Probe', problems);
    expect(problems.sort()).toEqual(
      [
        'Probe.title: in the schema, missing in TypeScript',
        'Probe.name: in TypeScript, missing in the schema',
        'Probe.note: nullable in the schema, but the TypeScript type does not admit null',
        'Probe.gone: admits null in TypeScript, but the schema does not say nullable',
        'Probe.tags[]: the schema says number, TypeScript says string',
        'Probe.kind: the schema’s values are a, c; TypeScript’s are a, b',
        'Probe.inner.y: required in the schema, optional in TypeScript',
        'Probe.map[*].after: in the schema, missing in TypeScript',
        'Probe.map[*].before: in TypeScript, missing in the schema',
      ].sort(),
    );
  });

  it('follows $ref and merges allOf', () => {
    const shape = describeSchema({ $ref: '#/components/schemas/NewWebhook' });
    expect([...shape.props!.keys()]).toContain('secret');
    expect([...shape.props!.keys()]).toContain('url');
    expect(shape.props!.get('secret')!.optional).toBe(false);
    const customer = describeSchema({ $ref: '#/components/schemas/CustomerWithTimeline' });
    const timeline = customer.props!.get('timeline')!;
    expect(timeline.shape.props!.get('items')!.shape.items!.props!.has('amount_minor')).toBe(true);
  });
});

describe('the web types follow openapi.json', () => {
  it('reads the types of every area and the document', () => {
    expect(types.size).toBeGreaterThan(20);
    expect(Object.keys(schemas).length).toBeGreaterThan(20);
  });

  it('maps every interface of a types.ts file, or says why not', () => {
    const unmapped = [...types.keys()].filter((name) => !(name in TABLE) && !(name in NOT_SCHEMAS));
    expect(unmapped, 'add these to TABLE or NOT_SCHEMAS in openapi-types.test.ts').toEqual([]);
    const gone = Object.keys(NOT_SCHEMAS).filter((name) => !types.has(name));
    expect(gone, 'listed in NOT_SCHEMAS but no longer declared').toEqual([]);
  });

  it('names only interfaces and schemas that exist', () => {
    const missingInterfaces = Object.keys(TABLE).filter((name) => !types.has(name));
    const missingSchemas = Object.values(TABLE).filter((name) => !(name in schemas));
    expect({ missingInterfaces, missingSchemas }).toEqual({ missingInterfaces: [], missingSchemas: [] });
  });

  it.each(Object.entries(TABLE).filter(([name]) => types.has(name)))(
    '%s matches #/components/schemas/%s',
    (name, schemaName) => {
      const problems: string[] = [];
      compare(
        describeType(checker, types.get(name)!),
        describeSchema({ $ref: `#/components/schemas/${schemaName}` }),
        name,
        problems,
      );
      // One line per difference, so a failure reads as the list of what to fix.
      expect(problems.join('\n')).toBe('');
    },
  );

  it('keeps no stale exception', () => {
    const stale = Object.keys(EXCEPTIONS).filter((at) => !usedExceptions.has(at));
    expect(stale).toEqual([]);
  });

  it('lists the schemas the web has no type for (information only)', () => {
    const mirrored = new Set(Object.values(TABLE));
    const unmirrored = Object.keys(schemas).filter((name) => !mirrored.has(name));
    if (unmirrored.length > 0) {
      console.info(`openapi.json schemas without a web type (not an error): ${unmirrored.join(', ')}`);
    }
    expect(Array.isArray(unmirrored)).toBe(true);
  });
});
