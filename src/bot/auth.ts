import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import {
  AuthenticationConstants,
  JwtTokenValidation,
  SkillValidation,
  type AuthenticationConfiguration,
  type BotFrameworkAuthentication,
  type Claim,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import { ConfigError, type Config } from '../config.js';

export type BotAuthConfig = Pick<
  Config,
  'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId' | 'ALLOWED_CALLERS' | 'BOT_OPENID_METADATA_URL'
>;

export interface BotAuth {
  authentication: BotFrameworkAuthentication;
  /** True when no app id is set: every request is accepted, anonymously. */
  disabled: boolean;
  allowedCallers: readonly string[];
}

/** A skill call from an app that is not on ALLOWED_CALLERS: authenticated, but not allowed (403). */
export class CallerNotAllowedError extends Error {
  override name = 'CallerNotAllowedError';
  constructor(readonly appId: string) {
    super(`the app "${appId}" is not on this skill's ALLOWED_CALLERS`);
  }
}

/**
 * Checks how the Bot Framework settings combine (each one alone is checked by the config schema) and
 * returns what is wrong, so the service refuses to start on a half-configured identity.
 */
export function botAuthProblems(config: BotAuthConfig): string[] {
  const problems: string[] = [];
  const appId = config.MicrosoftAppId;
  if (!appId) {
    if (config.MicrosoftAppPassword) problems.push('MicrosoftAppPassword is set but MicrosoftAppId is not: set both, or neither to run without authentication');
    return problems;
  }
  if (!config.MicrosoftAppTenantId) problems.push(`MicrosoftAppTenantId is required with MicrosoftAppType=${config.MicrosoftAppType}`);
  if (config.MicrosoftAppType === 'SingleTenant' && !config.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword (the client secret) is required with MicrosoftAppType=SingleTenant; use UserAssignedMSI for a managed identity');
  }
  if (config.MicrosoftAppType === 'UserAssignedMSI' && config.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword must not be set with MicrosoftAppType=UserAssignedMSI (the managed identity needs no secret)');
  }
  if (config.ALLOWED_CALLERS.includes('*')) {
    problems.push('ALLOWED_CALLERS: "*" lets any bot call the skill and is refused while authentication is on; list the callers\' app ids');
  }
  return problems;
}

/** Throws ConfigError naming every problem. */
export function assertBotAuthConfig(config: BotAuthConfig): void {
  const problems = botAuthProblems(config);
  if (problems.length > 0) throw new ConfigError(`invalid Bot Framework configuration:\n  ${problems.join('\n  ')}`);
}

/**
 * botbuilder's authentication from the Bot Framework settings, with the allow-list checked on every skill call.
 * Single-tenant callers' tokens come from the tenant's own issuer, so that issuer is accepted as well.
 * `credentialsFactory` replaces the one built from the settings (tests sign outbound tokens locally).
 */
export function createBotAuth(config: BotAuthConfig, credentialsFactory?: ServiceClientCredentialsFactory): BotAuth {
  assertBotAuthConfig(config);
  const disabled = !config.MicrosoftAppId;
  const allowedCallers = config.ALLOWED_CALLERS;
  const tenant = config.MicrosoftAppTenantId;
  const authConfiguration: AuthenticationConfiguration = {
    requiredEndorsements: [],
    validateClaims: async (claims: Claim[]) => checkAllowedCaller(claims, allowedCallers),
    validTokenIssuers: tenant
      ? [`${AuthenticationConstants.ValidTokenIssuerUrlTemplateV1}${tenant}/`, `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV2}${tenant}/v2.0`]
      : [],
  };
  const settings: ConfigurationBotFrameworkAuthenticationOptions = {
    ...(config.MicrosoftAppId ? { MicrosoftAppId: config.MicrosoftAppId } : {}),
    ...(config.MicrosoftAppPassword ? { MicrosoftAppPassword: config.MicrosoftAppPassword } : {}),
    ...(config.MicrosoftAppId ? { MicrosoftAppType: config.MicrosoftAppType } : {}),
    ...(tenant ? { MicrosoftAppTenantId: tenant } : {}),
    ...(config.BOT_OPENID_METADATA_URL ? publicCloudWithMetadata(config.BOT_OPENID_METADATA_URL) : {}),
  };
  return {
    authentication: new ConfigurationBotFrameworkAuthentication(settings, credentialsFactory, authConfiguration),
    disabled,
    allowedCallers,
  };
}

function checkAllowedCaller(claims: Claim[], allowedCallers: readonly string[]): void {
  if (!SkillValidation.isSkillClaim(claims)) return;
  const appId = JwtTokenValidation.getAppIdFromClaims(claims);
  if (!allowedCallers.includes(appId)) throw new CallerNotAllowedError(appId);
}

/**
 * The public cloud's settings with both inbound OpenID metadata documents replaced. botbuilder takes either
 * none of these settings or all of them, so the others keep their public-cloud values.
 */
function publicCloudWithMetadata(metadataUrl: string): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
